/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-questions-render.c: the questions printout: the child's name, every question, whole */

#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "render/nh-printout.h"

static NhStore *
temp_store (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "nh-test-store", NULL);

  return nh_store_new (dir);
}

static char *
export (NhQuestions *questions,
        NhEdition   *edition,
        const char  *child_name)
{
  g_autoptr(NhPrintout) printout = nh_printout_new_questions (questions, edition, child_name);
  g_autoptr(GError) error = NULL;
  char *path = nh_test_tmp_path ("nh-questions.pdf");

  g_assert_true (nh_printout_write_pdf (printout, nh_paper_lookup ("a4"), path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_one_page (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhQuestions) questions = nh_questions_new (store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  nh_questions_add (questions, "Does he need Ig before the school trip?",
                    "Ig is antibodies given as a medicine.", "treatment", 1);
  nh_questions_add (questions, "Which vaccines for his sister?", NULL, NULL, 0);
  nh_questions_set_answer (questions, 1, TRUE, "Ask the GP.");

  path = export (questions, edition, "Sam Example");
  g_assert_cmpuint (nh_test_pdf_n_pages (path), ==, 1);
  text = nh_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Questions for the next visit"));
  g_assert_nonnull (strstr (text, "For: Sam Example"));
  g_assert_nonnull (strstr (text, "Does he need Ig before the school trip?"));
  g_assert_nonnull (strstr (text, "Ig is antibodies given as a medicine."));
  g_assert_nonnull (strstr (text, "Answer: Ask the GP."));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

/* A long list goes on more pages, and no question is cut in two. */
static void
test_long_list (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhQuestions) questions = nh_questions_new (store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question number %u, which is about something "
                                                   "long enough to take two lines on the page, "
                                                   "maybe, end%u.", i + 1, i + 1);

      nh_questions_add (questions, question, NULL, NULL, 0);
    }

  path = export (questions, edition, NULL);
  g_assert_cmpuint (nh_test_pdf_n_pages (path), >, 1);
  text = nh_test_pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *start = g_strdup_printf ("Question number %u,", i + 1);
      g_autofree char *end = g_strdup_printf ("end%u.", i + 1);
      gboolean whole = FALSE;

      for (guint p = 0; pages[p]; p++)
        if (strstr (pages[p], start) && strstr (pages[p], end))
          whole = TRUE;
      g_assert_true (whole);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/questions-render/one-page", test_one_page);
  g_test_add_func ("/nh/questions-render/long-list", test_long_list);

  return g_test_run ();
}
