/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-visit-report.h: the record, for the immunologist: summary, charts, tables */
#pragma once

#include <cairo.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"
#include "model/nh-record.h"
#include "nh-paper.h"

G_BEGIN_DECLS

typedef struct _NhVisitReport NhVisitReport;

NhVisitReport *nh_visit_report_new          (NhRecord       *record,
                                             NhCard         *card,
                                             NhEdition      *edition,
                                             const char     *from,
                                             const char     *to);
void           nh_visit_report_free         (NhVisitReport  *self);
guint          nh_visit_report_count_pages  (NhVisitReport  *self,
                                             const NhPaper  *paper);
void           nh_visit_report_draw_page    (NhVisitReport  *self,
                                             cairo_t        *cr,
                                             const NhPaper  *paper,
                                             guint           page,
                                             guint           n_pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhVisitReport, nh_visit_report_free)

G_END_DECLS
