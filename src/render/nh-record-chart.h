/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-chart.h: the record's charts, the same on screen and on paper */
#pragma once

#include <cairo.h>

#include "model/nh-record.h"

G_BEGIN_DECLS

GStrv nh_record_chart_dup_tests       (NhRecord    *record,
                                       const char  *from,
                                       const char  *to);
void  nh_record_chart_draw_test       (cairo_t     *cr,
                                       double       width,
                                       double       height,
                                       NhRecord    *record,
                                       const char  *test,
                                       const char  *from,
                                       const char  *to,
                                       const char  *target_label);
void  nh_record_chart_draw_illnesses  (cairo_t     *cr,
                                       double       width,
                                       double       height,
                                       NhRecord    *record,
                                       const char  *from,
                                       const char  *to,
                                       const char  *illnesses_label,
                                       const char  *infusions_label);
guint nh_record_chart_count_months    (const char  *from,
                                       const char  *to);

G_END_DECLS
