/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition-dialog.h: what an edition file is, before it is installed */
#pragma once

#include <adwaita.h>

#include "nh-application.h"

G_BEGIN_DECLS

#define NH_TYPE_EDITION_DIALOG (nh_edition_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NhEditionDialog, nh_edition_dialog, NH, EDITION_DIALOG, AdwWindow)

NhEditionDialog *nh_edition_dialog_new        (NhApplication   *application);
void             nh_edition_dialog_load_file  (NhEditionDialog *self,
                                               GFile           *file);
void             nh_edition_dialog_load_bytes (NhEditionDialog *self,
                                               GBytes          *bytes,
                                               const char      *name);
const char      *nh_edition_dialog_get_page   (NhEditionDialog *self);
gboolean         nh_edition_dialog_install    (NhEditionDialog *self,
                                               GError         **error);

G_END_DECLS
