/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-test-pdf.c: read back PDFs with poppler's tools in tests */

#include <stdio.h>

#include "nh-test-pdf.h"

gboolean
nh_test_pdf_tools_available (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  return pdfinfo != NULL && pdftotext != NULL;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

char *
nh_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return run (argv);
}

static const char *
info_line (const char *info,
           const char *key)
{
  const char *line = strstr (info, key);

  g_assert_nonnull (line);
  return line + strlen (key);
}

guint
nh_test_pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);

  return (guint)g_ascii_strtoull (g_strchug ((char *)info_line (info, "Pages:")), NULL, 10);
}

void
nh_test_pdf_page_size (const char *path,
                       double     *width,
                       double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);

  g_assert_cmpint (sscanf (info_line (info, "Page size:"), " %lf x %lf", width, height), ==, 2);
}
