/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-sheet.h: many copies of a small printout on one sheet, to cut out */
#pragma once

#include "nh-printout.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;   /* points, from the sheet's top left */
} NhSheetRect;

typedef struct _NhSheet NhSheet;

#define NH_SHEET_ERROR (nh_sheet_error_quark ())

typedef enum
{
  NH_SHEET_ERROR_KIND,    /* not a printout that goes on sheets */
  NH_SHEET_ERROR_PAPER,   /* not a sheet paper */
} NhSheetError;

GQuark       nh_sheet_error_quark      (void);
const char * const *nh_sheet_get_papers (void);
NhSheet     *nh_sheet_new              (NhPrintout    *item,
                                        const NhPaper *paper,
                                        guint          copies,
                                        gboolean       single_sided,
                                        GError       **error);
void         nh_sheet_free             (NhSheet       *self);
guint        nh_sheet_get_per_sheet    (NhSheet       *self);
guint        nh_sheet_get_n_sheets     (NhSheet       *self);
guint        nh_sheet_get_item_pages   (NhSheet       *self);
guint        nh_sheet_get_n_pages      (NhSheet       *self);
guint        nh_sheet_get_n_items_on_page (NhSheet    *self,
                                        guint          page);
void         nh_sheet_get_item_rect    (NhSheet       *self,
                                        guint          slot,
                                        guint          page,
                                        NhSheetRect   *rect);
guint        nh_sheet_get_cuts         (NhSheet       *self,
                                        gboolean       vertical,
                                        double        *positions);
NhPrintout  *nh_printout_new_sheet     (NhSheet       *sheet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhSheet, nh_sheet_free)

G_END_DECLS
