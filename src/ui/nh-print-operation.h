/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-print-operation.h: the print dialog for any NhPrintout */
#pragma once

#include <gtk/gtk.h>

#include "render/nh-printout.h"

G_BEGIN_DECLS

#define NH_TYPE_PRINT_OPERATION (nh_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (NhPrintOperation, nh_print_operation, NH, PRINT_OPERATION, GtkPrintOperation)

NhPrintOperation *nh_print_operation_new          (NhPrintout       *printout,
                                                   const NhPaper    *paper);
NhPrintout       *nh_print_operation_get_printout (NhPrintOperation *self);
gboolean          nh_print_operation_get_sheet    (NhPrintOperation *self);
void              nh_print_operation_set_sheet    (NhPrintOperation *self,
                                                   gboolean          sheet);

G_END_DECLS
