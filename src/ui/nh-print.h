/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-print.h: the one way the app prints: any NhPrintout, with the dialog */
#pragma once

#include <gtk/gtk.h>

#include "render/nh-paper.h"
#include "render/nh-pdf.h"
#include "render/nh-printout.h"

G_BEGIN_DECLS

GtkPaperSize *nh_print_paper_size_new (const NhPaper    *paper);
void          nh_print_printout       (GtkWindow        *parent,
                                       NhPrintout       *printout,
                                       const NhPaper    *paper);

G_END_DECLS
