/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-test-pdf.h: read back PDFs with poppler's tools in tests */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean nh_test_pdf_tools_available (void);
char    *nh_test_pdf_text            (const char *path);
guint    nh_test_pdf_n_pages         (const char *path);
void     nh_test_pdf_page_size       (const char *path,
                                      double     *width,
                                      double     *height);

G_END_DECLS
