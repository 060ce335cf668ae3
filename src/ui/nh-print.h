/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-print.h: the one way the app prints: any NhPrintout, with the dialog */
#pragma once

#include <gtk/gtk.h>

#include "render/nh-paper.h"
#include "render/nh-pdf.h"
#include "render/nh-printout.h"

G_BEGIN_DECLS

/* How many pages the layout needs on paper of this size (points). */
typedef guint (*NhCountPagesFunc) (double    width,
                                   double    height,
                                   gpointer  user_data);

GtkPaperSize *nh_print_paper_size_new (const NhPaper    *paper);
void          nh_print_printout       (GtkWindow        *parent,
                                       NhPrintout       *printout,
                                       const NhPaper    *paper);
void          nh_print_run            (GtkWindow        *parent,
                                       const char       *job_name,
                                       const NhPaper    *paper,
                                       NhCountPagesFunc  count_pages,
                                       NhDrawPageFunc    draw_page,
                                       gpointer          user_data,
                                       GDestroyNotify    destroy);

G_END_DECLS
