/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-save-banner.h: "could not be saved" across the top of a page, with Retry */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NH_TYPE_SAVE_BANNER (nh_save_banner_get_type ())

G_DECLARE_FINAL_TYPE (NhSaveBanner, nh_save_banner, NH, SAVE_BANNER, AdwBin)

GtkWidget  *nh_save_banner_new         (void);
void        nh_save_banner_show        (NhSaveBanner *self,
                                        const char   *message);
void        nh_save_banner_hide        (NhSaveBanner *self);
const char *nh_save_banner_get_message (NhSaveBanner *self);

G_END_DECLS
