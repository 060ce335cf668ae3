/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-page.h: the child's health record: infusions, illnesses, antibiotics, lab results */
#pragma once

#include <adwaita.h>

#include "model/nh-child.h"

G_BEGIN_DECLS

#define NH_TYPE_RECORD_PAGE (nh_record_page_get_type ())

G_DECLARE_FINAL_TYPE (NhRecordPage, nh_record_page, NH, RECORD_PAGE, AdwBin)

GtkWidget *nh_record_page_new        (NhChild       *child);
NhChild   *nh_record_page_get_child  (NhRecordPage  *self);
void       nh_record_page_add        (NhRecordPage  *self,
                                      NhRecordTable  table);
void       nh_record_page_same_as_last (NhRecordPage *self);
void       nh_record_page_add_from_episode (NhRecordPage *self);

G_END_DECLS
