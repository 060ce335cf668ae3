/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booklet-render.c: the handbook as a booklet: cover, contents, sections, forms */

#include <glib/gstdio.h>
#include <stdio.h>

#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "render/nh-booklet-render.h"

static char *
export (NhEdition  *edition,
        const char *paper)
{
  g_autoptr(NhBooklet) booklet = nh_booklet_new (edition);
  g_autoptr(GError) error = NULL;
  char *path = nh_test_tmp_path ("nh-booklet.pdf");

  g_assert_true (nh_booklet_export (booklet, nh_paper_lookup (paper), path, &error));
  g_assert_no_error (error);
  return path;
}

/* The page (from 1) where @needle first stands at the start of a line,
 * after the contents page. */
static guint
page_of (const char *text,
         const char *needle)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

  for (guint i = 2; pages[i]; i++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[i], "\n", -1);

      for (guint l = 0; lines[l]; l++)
        if (g_str_equal (g_strstrip (lines[l]), needle))
          return i + 1;
    }

  return 0;
}

static void
test_booklet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stamp = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  guint n_pages;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  path = export (edition, "a4");
  n_pages = nh_test_pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >, nh_edition_get_n_sections (edition) + 2);

  text = nh_test_pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  stamp = nh_edition_dup_stamp (edition);

  /* The cover says whose edition it is. */
  g_assert_nonnull (strstr (pages[0], nh_edition_get_title (edition)));
  g_assert_nonnull (strstr (pages[0], "Built-in edition"));
  g_assert_nonnull (strstr (pages[0], "Based on information from"));

  /* Contents: every section with the page it really starts on. */
  for (guint i = 0; i < nh_edition_get_n_sections (edition); i++)
    {
      const char *title = nh_section_get_title (nh_edition_get_section (edition, i));
      guint page = page_of (text, title);
      g_autofree char *pattern = g_strdup_printf ("%s", title);
      const char *entry = strstr (pages[1], pattern);
      guint listed = 0;

      g_assert_nonnull (entry);
      g_assert_cmpuint (page, >, 2);
      g_assert_cmpint (sscanf (entry + strlen (title), " %u", &listed), ==, 1);
      g_test_message ("%s: listed %u, found on %u", title, listed, page);
      g_assert_cmpuint (listed, ==, page);
    }

  /* Every page after the cover has the booklet's own number and the
   * edition's stamp in its footer, the checklist's pages too. Lines a
   * footer wraps over are joined first. */
  for (guint i = 1; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      g_autofree char *page = g_regex_replace_literal (spaces, pages[i], -1, 0, " ", 0, NULL);
      g_autofree char *footer_stamp = g_regex_replace_literal (spaces, stamp, -1, 0, " ", 0, NULL);

      g_test_message ("page %u", i + 1);
      g_assert_nonnull (strstr (page, number));
      g_assert_nonnull (strstr (page, footer_stamp));
    }
  g_assert_nonnull (strstr (text, nh_edition_get_checklist_title (edition)));
  g_assert_nonnull (strstr (pages[n_pages - 1], nh_edition_get_card_title (edition)));
  g_unlink (path);
}

static void
test_a5 (void)
{
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (NULL);
  g_autofree char *path = NULL;
  double width, height;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  path = export (edition, "a5");
  nh_test_pdf_page_size (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 419.5, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595.3, 0.5);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/booklet-render/booklet", test_booklet);
  g_test_add_func ("/nh/booklet-render/a5", test_a5);

  return g_test_run ();
}
