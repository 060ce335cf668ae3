/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-questions.c: questions for the next visit: add, edit, reorder, answer, survive a restart */

#include "model/nh-questions.h"

static NhStore *
temp_store (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "nh-test-store", NULL);

  return nh_store_new (dir);
}

static void
test_edit_and_reload (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhQuestions) questions = nh_questions_new (store, NULL);
  g_autoptr(NhQuestions) again = NULL;
  g_autoptr(GError) error = NULL;
  const NhQuestion *question;

  g_assert_cmpuint (nh_questions_get_n (questions), ==, 0);
  g_assert_true (nh_questions_add (questions, "  Can he go swimming?  ", NULL, NULL, 0));
  g_assert_true (nh_questions_add (questions, "Which tests does he need?",
                                   "Routine immune tests can give different results.", "diagnosis", 3));
  g_assert_true (nh_questions_add (questions, "When is the next Ig?", NULL, "treatment", 1));

  nh_questions_move (questions, 2, 0);
  nh_questions_set_text (questions, 1, "Can he go swimming in the sea?");
  nh_questions_set_answer (questions, 2, TRUE, "A blood test in May.");
  nh_questions_move (questions, 9, 0);
  nh_questions_remove (questions, 7);
  g_assert_true (nh_questions_save (questions, &error));
  g_assert_no_error (error);

  again = nh_questions_new (store, NULL);
  g_assert_cmpuint (nh_questions_get_n (again), ==, 3);

  /* Without a quote there is no link to a place. */
  question = nh_questions_get (again, 0);
  g_assert_cmpstr (question->text, ==, "When is the next Ig?");
  g_assert_null (question->quote);
  g_assert_null (question->section_id);
  g_assert_false (question->answered);
  g_assert_cmpstr (question->answer, ==, "");

  g_assert_cmpstr (nh_questions_get (again, 1)->text, ==, "Can he go swimming in the sea?");

  question = nh_questions_get (again, 2);
  g_assert_cmpstr (question->quote, ==, "Routine immune tests can give different results.");
  g_assert_cmpstr (question->section_id, ==, "diagnosis");
  g_assert_cmpuint (question->block, ==, 3);
  g_assert_true (question->answered);
  g_assert_cmpstr (question->answer, ==, "A blood test in May.");
  g_assert_null (nh_questions_get (again, 3));
}

static void
test_limits_and_broken_file (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhQuestions) questions = nh_questions_new (store, NULL);
  g_autoptr(NhQuestions) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (NH_QUESTIONS_MAX_CHARS + 500, 'a');
  g_autofree char *backup = NULL;

  g_assert_true (nh_questions_add (questions, long_text, NULL, NULL, 0));
  g_assert_cmpuint (strlen (nh_questions_get (questions, 0)->text), ==, NH_QUESTIONS_MAX_CHARS);
  for (guint i = 1; i < NH_QUESTIONS_MAX; i++)
    g_assert_true (nh_questions_add (questions, "q", NULL, NULL, 0));
  g_assert_false (nh_questions_add (questions, "one too many", NULL, NULL, 0));

  g_assert_true (nh_store_save (store, NH_QUESTIONS_FILE, "[1, 2", 5, &error));
  broken = nh_questions_new (store, &backup);
  g_assert_nonnull (backup);
  g_assert_cmpuint (nh_questions_get_n (broken), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/questions/edit-and-reload", test_edit_and_reload);
  g_test_add_func ("/nh/questions/limits-and-broken-file", test_limits_and_broken_file);

  return g_test_run ();
}
