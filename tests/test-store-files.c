/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-files.c: saved files stay private and inside the store folder
 *
 * test-checklist-state and test-card check that a new folder is 0700 and a
 * new file 0600. This adds what they do not: a folder or file left too open
 * by an older version or by hand is tightened, an unusual umask changes
 * nothing, and saving, loading and setting a damaged file aside write
 * nowhere but the store folder.
 */

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
save_something (NhStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nh_store_save (store, NH_CHECKLIST_STATE_FILE, "{}", 2, &error));
  g_assert_no_error (error);
}

static void
test_open_folder_tightened (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "open-store", NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);

  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);
  g_assert_cmpint (g_chmod (directory, 0755), ==, 0);

  save_something (store);
  assert_mode (directory, 0700);
}

static void
test_open_file_replaced (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "open-file", NULL);
  g_autofree char *path = g_build_filename (directory, NH_CHECKLIST_STATE_FILE, NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (path, "old", 3, G_FILE_SET_CONTENTS_NONE, 0666, NULL));
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);

  save_something (store);
  assert_mode (path, 0600);
}

static void
test_umask_ignored (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "umask-store", NULL);
  g_autofree char *path = g_build_filename (directory, NH_CHECKLIST_STATE_FILE, NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  mode_t old_mask = umask (0);

  save_something (store);
  umask (old_mask);

  assert_mode (directory, 0700);
  assert_mode (path, 0600);
}

/* Every file and folder under @root, with its size and change time. */
static void
list_tree (const char *root,
           GHashTable *entries)
{
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_hash_table_insert (entries, g_strdup (path),
                           g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld",
                                            (gint64)st.st_size, (gint64)st.st_mtim.tv_sec,
                                            st.st_mtim.tv_nsec));
      if (S_ISDIR (st.st_mode))
        list_tree (path, entries);
    }
}

static void
test_writes_only_in_store (void)
{
  /* G_TEST_OPTION_ISOLATE_DIRS puts HOME and every XDG folder under one
   * temporary folder: list all of it. */
  g_autofree char *root = g_path_get_dirname (g_get_home_dir ());
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(NhStore) store = nh_store_new_default ();
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(NhChecklistState) reloaded = NULL;
  g_autoptr(NhCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *store_prefix = g_strconcat (nh_store_get_directory (store), G_DIR_SEPARATOR_S, NULL);
  GHashTableIter iter;
  gpointer path, stamp;
  guint n_in_store = 0;

  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), root));
  g_assert_true (g_str_has_prefix (g_get_user_config_dir (), root));
  g_assert_true (g_str_has_prefix (g_get_user_cache_dir (), root));
  g_assert_true (g_str_has_prefix (g_get_user_runtime_dir (), root));
  list_tree (root, before);

  /* Everything the model writes: the checklist, the card, and a damaged
   * file set aside. */
  state = nh_checklist_state_load (store, &backup, &error);
  g_assert_no_error (error);
  g_assert_true (nh_checklist_state_set_clinic (state, "Ring the ward", "123", &error));
  g_assert_true (nh_checklist_state_save (state, &error));
  g_assert_no_error (error);

  card = nh_card_new (store);
  g_assert_true (nh_card_load (card, &error));
  g_assert_no_error (error);
  nh_card_set_text (card, "child_name", "Alex");
  g_assert_true (nh_card_flush (card, &error));
  g_assert_no_error (error);

  g_assert_true (nh_store_save (store, NH_CHECKLIST_STATE_FILE, "{ broken", 8, &error));
  reloaded = nh_checklist_state_load (store, &backup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (nh_checklist_state_save (reloaded, &error));
  g_assert_no_error (error);

  list_tree (root, after);

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &path, &stamp))
    {
      const char *old = g_hash_table_lookup (before, path);

      if (g_str_has_prefix (path, store_prefix))
        {
          n_in_store++;
          assert_mode (path, 0600);
          continue;
        }

      /* The store folder itself, and folders above it that saving made. */
      if (g_str_has_prefix (store_prefix, path) && g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      if (old == NULL || !g_str_equal (old, stamp))
        g_error ("written outside the store folder: %s", (const char *)path);
    }

  /* checklist.json, card.json and the damaged checklist set aside. */
  g_assert_cmpuint (n_in_store, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/store-files/open-folder-tightened", test_open_folder_tightened);
  g_test_add_func ("/nh/store-files/open-file-replaced", test_open_file_replaced);
  g_test_add_func ("/nh/store-files/umask-ignored", test_umask_ignored);
  g_test_add_func ("/nh/store-files/writes-only-in-store", test_writes_only_in_store);

  return g_test_run ();
}
