/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bounded.c: every loader answers a document at its size limit
 *
 * Pretty-printed and on one line, valid and with a problem in every value
 * (made by nh-test-large.c, never committed). The time is not measured
 * here (build-aux/bench prints it); the test's meson timeout catches work
 * that grows with the square of the input, which at these sizes takes
 * minutes. What is checked is the answer: a valid document loads, a bad
 * one gets every problem with the line and column of its own value.
 */

#include <json-glib/json-glib.h>

#include "fuzz/nh-fuzz-targets.h"
#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-edition.h"
#include "nh-test-large.h"

/* Under AddressSanitizer everything is several times slower, and the
 * normal build already catches growth with the square of the size: an
 * eighth of each limit there. */
#if defined(__SANITIZE_ADDRESS__)
#define SCALE 8
#else
#define SCALE 1
#endif

static const NhLargeFlags all_flags[] = {
  NH_LARGE_VALID, NH_LARGE_ONE_LINE, NH_LARGE_BAD, NH_LARGE_BAD | NH_LARGE_ONE_LINE,
};

static GBytes *
load_seed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "edition", "en.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The byte where @problem says it is: line and column count from 1, the
 * column in characters. */
static const char *
locate (const char             *data,
        const NhEditionProblem *problem)
{
  const char *p = data;

  for (int line = 1; line < problem->line; line++)
    p = strchr (p, '\n') + 1;

  return g_utf8_offset_to_pointer (p, problem->column - 1);
}

static void
test_edition (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) seed = load_seed ();
  g_autoptr(GBytes) bytes = nh_test_large_edition (seed, NH_EDITION_MAX_BYTES / SCALE, flags);
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *data = g_bytes_get_data (bytes, NULL);
  guint n_errors = 0;

  g_assert_cmpuint (g_bytes_get_size (bytes), <=, NH_EDITION_MAX_BYTES / SCALE);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, NH_EDITION_MAX_BYTES / SCALE * 9 / 10);
  g_test_message ("%" G_GSIZE_FORMAT " bytes", g_bytes_get_size (bytes));

  problems = nh_edition_check_bytes (bytes, &edition);

  for (guint i = 0; i < problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == NH_PROBLEM_ERROR)
        n_errors++;

      /* Every problem has a place, and one of a value that should have
       * been text is that value: the list put there instead (checked for
       * about 64 of them: finding the place from the start is slow). */
      g_assert_cmpint (problem->line, >, 0);
      g_assert_cmpint (problem->column, >, 0);
      if (flags & NH_LARGE_ONE_LINE)
        g_assert_cmpint (problem->line, ==, 1);
      if (g_str_equal (problem->message, "must be text") && i % (problems->len / 64 + 1) == 0)
        g_assert_cmpint (*locate (data, problem), ==, '[');
    }

  if (flags & NH_LARGE_BAD)
    {
      g_assert_null (edition);
      g_assert_cmpuint (n_errors, >, 1000 / SCALE);
    }
  else
    {
      g_assert_cmpuint (n_errors, ==, 0);
      g_assert_nonnull (edition);
      g_assert_cmpuint (nh_edition_get_n_sections (edition), >, 10 / SCALE);
    }
}

static void
test_edition_shape (gconstpointer user_data)
{
  const char *shape = user_data;
  g_autoptr(GBytes) bytes = nh_test_large_shape (shape, NH_EDITION_MAX_BYTES / SCALE);
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GPtrArray) problems = nh_edition_check_bytes (bytes, &edition);

  g_assert_null (edition);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((NhEditionProblem *)g_ptr_array_index (problems, i))->line, ==, 1);
}

static void
test_checklist_state (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) bytes = nh_test_large_checklist_state (NH_CHECKLIST_STATE_MAX_BYTES / SCALE, flags);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhChecklistState) state = NULL;

  g_assert_cmpuint (g_bytes_get_size (bytes), <=, NH_CHECKLIST_STATE_MAX_BYTES / SCALE);
  /* Within one episode (of 500 readings) of the limit. */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, NH_CHECKLIST_STATE_MAX_BYTES / SCALE * 4 / 5);

  state = nh_checklist_state_new_from_bytes (bytes, &error);
  if (flags & NH_LARGE_BAD)
    {
      g_assert_null (state);
      g_assert_nonnull (error);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (state)), >, 10 / SCALE);
    }

  /* And the contract every loader keeps (saved again, it loads again). */
  nh_fuzz_checklist_state (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_card (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) bytes = nh_test_large_card (NH_CARD_MAX_BYTES / SCALE, flags);

  g_assert_cmpuint (g_bytes_get_size (bytes), <=, NH_CARD_MAX_BYTES / SCALE);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, NH_CARD_MAX_BYTES / SCALE * 9 / 10);

  /* Loads (or is set aside when bad), saved again, loads again. */
  nh_fuzz_card (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *
flags_name (NhLargeFlags flags)
{
  static const char * const names[] = { "valid-pretty", "valid-one-line", "bad-pretty", "bad-one-line" };

  return names[flags & 3];
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_flags); i++)
    {
      g_autofree char *edition = g_strdup_printf ("/bounded/edition/%s", flags_name (all_flags[i]));
      g_autofree char *state = g_strdup_printf ("/bounded/checklist-state/%s", flags_name (all_flags[i]));
      g_autofree char *card = g_strdup_printf ("/bounded/card/%s", flags_name (all_flags[i]));

      g_test_add_data_func (edition, GUINT_TO_POINTER (all_flags[i]), test_edition);
      g_test_add_data_func (state, GUINT_TO_POINTER (all_flags[i]), test_checklist_state);
      g_test_add_data_func (card, GUINT_TO_POINTER (all_flags[i]), test_card);
    }

  for (guint i = 0; nh_test_large_shapes[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/bounded/edition/shape/%s", nh_test_large_shapes[i]);

      g_test_add_data_func (path, nh_test_large_shapes[i], test_edition_shape);
    }

  return g_test_run ();
}
