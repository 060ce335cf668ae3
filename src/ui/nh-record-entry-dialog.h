/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-entry-dialog.h: add or edit one entry of the health record */
#pragma once

#include <adwaita.h>

#include "model/nh-checklist-state.h"
#include "model/nh-record.h"

G_BEGIN_DECLS

#define NH_TYPE_RECORD_ENTRY_DIALOG (nh_record_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NhRecordEntryDialog, nh_record_entry_dialog, NH, RECORD_ENTRY_DIALOG, AdwWindow)

NhRecordEntryDialog *nh_record_entry_dialog_new (GtkWindow           *parent,
                                                 NhRecord            *record,
                                                 NhRecordTable        table,
                                                 const char          *entry_id,
                                                 const char * const  *values,
                                                 NhChecklistState    *episodes);

G_END_DECLS
