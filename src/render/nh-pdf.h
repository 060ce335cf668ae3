/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-pdf.h: write pages drawn with Cairo to a PDF file, atomically */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws page @page (from 0) of @width x @height points. */
typedef void (*NhDrawPageFunc) (cairo_t  *cr,
                                double    width,
                                double    height,
                                guint     page,
                                gpointer  user_data);

gboolean nh_pdf_write (const char      *path,
                       double           width,
                       double           height,
                       guint            n_pages,
                       NhDrawPageFunc   draw_page,
                       gpointer         user_data,
                       GError         **error);

G_END_DECLS
