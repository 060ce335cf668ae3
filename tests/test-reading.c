/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reading.c: reading positions and bookmarks, per edition, survive a restart */

#include <glib/gstdio.h>

#include "model/nh-reading.h"

static NhStore *
temp_store (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "nh-test-store", NULL);

  return nh_store_new (dir);
}

static void
test_positions_per_edition (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhReading) reading = nh_reading_new (store, NULL);
  g_autoptr(NhReading) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *section = NULL;
  guint block = 0;

  g_assert_false (nh_reading_get_position (reading, "nemo-handbook-en", &section, &block));
  g_assert_false (nh_reading_is_dirty (reading));

  nh_reading_set_position (reading, "nemo-handbook-en", "treatment", 4);
  nh_reading_set_position (reading, "group-edition", "overview", 2);
  g_assert_true (nh_reading_is_dirty (reading));
  g_assert_true (nh_reading_save (reading, &error));
  g_assert_no_error (error);
  g_assert_false (nh_reading_is_dirty (reading));

  again = nh_reading_new (store, NULL);
  g_assert_true (nh_reading_get_position (again, "nemo-handbook-en", &section, &block));
  g_assert_cmpstr (section, ==, "treatment");
  g_assert_cmpuint (block, ==, 4);
  g_assert_true (nh_reading_get_position (again, "group-edition", &section, &block));
  g_assert_cmpstr (section, ==, "overview");
  g_assert_cmpuint (block, ==, 2);
}

static void
test_bookmarks (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhReading) reading = nh_reading_new (store, NULL);
  g_autoptr(NhReading) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (1000, 'x');
  const NhBookmark *bookmark;

  g_assert_true (nh_reading_add_bookmark (reading, "e", "Ig at school", "treatment", 1, "People with…"));
  g_assert_true (nh_reading_add_bookmark (reading, "e", "  \n ", "diagnosis", 3, NULL));
  g_assert_true (nh_reading_add_bookmark (reading, "e", long_name, "overview", 0, ""));
  g_assert_cmpuint (nh_reading_get_n_bookmarks (reading, "e"), ==, 3);
  g_assert_cmpuint (nh_reading_get_n_bookmarks (reading, "other"), ==, 0);

  /* An empty name falls back to the section; a long one is cut. */
  g_assert_cmpstr (nh_reading_get_bookmark (reading, "e", 1)->name, ==, "diagnosis");
  g_assert_cmpuint (g_utf8_strlen (nh_reading_get_bookmark (reading, "e", 2)->name, -1), ==,
                    NH_READING_MAX_NAME_CHARS);

  nh_reading_rename_bookmark (reading, "e", 1, "Tests\nfor my GP");
  nh_reading_remove_bookmark (reading, "e", 2);
  nh_reading_remove_bookmark (reading, "e", 7);
  g_assert_true (nh_reading_save (reading, &error));
  g_assert_no_error (error);

  again = nh_reading_new (store, NULL);
  g_assert_cmpuint (nh_reading_get_n_bookmarks (again, "e"), ==, 2);
  bookmark = nh_reading_get_bookmark (again, "e", 0);
  g_assert_cmpstr (bookmark->name, ==, "Ig at school");
  g_assert_cmpstr (bookmark->section_id, ==, "treatment");
  g_assert_cmpuint (bookmark->block, ==, 1);
  g_assert_cmpstr (bookmark->excerpt, ==, "People with…");
  g_assert_cmpstr (nh_reading_get_bookmark (again, "e", 1)->name, ==, "Tests for my GP");
  g_assert_null (nh_reading_get_bookmark (again, "e", 2));
}

/* A broken file is moved aside, and reading starts afresh. */
static void
test_broken_file (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhReading) reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  const char *section;
  guint block;

  g_assert_true (nh_store_save (store, NH_READING_FILE, "{ \"editions\": [", 15, &error));
  g_assert_no_error (error);

  reading = nh_reading_new (store, &backup);

  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (nh_reading_get_position (reading, "e", &section, &block));
  g_assert_cmpuint (nh_reading_get_n_bookmarks (reading, "e"), ==, 0);

  /* Values of the wrong type are left out, the rest is kept. */
  {
    static const char doc[] =
      "{ \"format\": 1, \"editions\": { \"e\": { \"section\": \"treatment\", \"block\": -3,"
      " \"bookmarks\": [ 7, { \"section\": \"diagnosis\", \"block\": 2, \"name\": 5 } ] } } }";
    g_autoptr(NhReading) partial = NULL;

    g_assert_true (nh_store_save (store, NH_READING_FILE, doc, strlen (doc), &error));
    partial = nh_reading_new (store, NULL);
    g_assert_false (nh_reading_get_position (partial, "e", &section, &block));
    g_assert_cmpuint (nh_reading_get_n_bookmarks (partial, "e"), ==, 1);
    g_assert_cmpstr (nh_reading_get_bookmark (partial, "e", 0)->name, ==, "diagnosis");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/reading/positions-per-edition", test_positions_per_edition);
  g_test_add_func ("/nh/reading/bookmarks", test_bookmarks);
  g_test_add_func ("/nh/reading/broken-file", test_broken_file);

  return g_test_run ();
}
