/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-disk-full.c: a full, read-only or forbidden disk loses nothing
 *
 * Runs under the LD_PRELOAD shim nh-fail-io.c (see tests/meson.build): with
 * NH_FAIL_IO=ENOSPC, EROFS or EACCES, writing under NH_FAIL_IO_UNDER fails
 * as it would on such a disk. For every store and every command-line
 * export: the save fails with a message in plain words that says where,
 * what was typed stays in memory, the last good file is untouched, nothing
 * partial is left beside it, and the next save after the disk recovers
 * works.
 */

#include <glib/gstdio.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-edition-library.h"
#include "model/nh-record.h"
#include "model/nh-store.h"

static const char * const failures[] = { "ENOSPC", "EROFS", "EACCES" };

/* What each failure is called in the message. */
static const char *
plain_words (const char *failure)
{
  if (g_str_equal (failure, "ENOSPC"))
    return "the disk is full";
  if (g_str_equal (failure, "EROFS"))
    return "the folder can only be read";
  return "not allowed to write";
}

static char *
make_folder (const char *name)
{
  char *directory = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  return directory;
}

static void
fail_under (const char *directory,
            const char *failure)
{
  g_setenv ("NH_FAIL_IO_UNDER", directory, TRUE);
  g_setenv ("NH_FAIL_IO", failure, TRUE);
}

static void
recover (void)
{
  g_unsetenv ("NH_FAIL_IO");
}

/* Only @name is in @directory: no temporary file was left. */
static void
assert_only_file (const char *directory,
                  const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)))
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_store (gconstpointer data)
{
  const char *failure = data;
  g_autofree char *name = g_strdup_printf ("store-%s", failure);
  g_autofree char *directory = make_folder (name);
  g_autofree char *path = g_build_filename (directory, "a.json", NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(GError) error = NULL;

  g_assert_true (nh_store_save (store, "a.json", "good", 4, &error));

  fail_under (directory, failure);
  g_assert_false (nh_store_save (store, "a.json", "newer", 5, &error));
  recover ();

  g_assert_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, plain_words (failure)));
  assert_contents (path, "good");
  assert_only_file (directory, "a.json");

  /* Retried once the disk is back. */
  g_clear_error (&error);
  g_assert_true (nh_store_save (store, "a.json", "newer", 5, &error));
  g_assert_no_error (error);
  assert_contents (path, "newer");
}

/* The folder removed while the app runs is made again. */
static void
test_store_folder_vanished (void)
{
  g_autofree char *directory = make_folder ("vanishing");
  g_autofree char *path = g_build_filename (directory, "a.json", NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(GError) error = NULL;

  g_assert_true (nh_store_save (store, "a.json", "good", 4, &error));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);

  g_assert_true (nh_store_save (store, "a.json", "again", 5, &error));
  g_assert_no_error (error);
  assert_contents (path, "again");
}

static void
test_card (gconstpointer data)
{
  const char *failure = data;
  g_autofree char *name = g_strdup_printf ("card-%s", failure);
  g_autofree char *directory = make_folder (name);
  g_autofree char *path = g_build_filename (directory, NH_CARD_FILE_NAME, NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhCard) card = nh_card_new (store);
  g_autoptr(NhCard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *after = NULL;

  nh_card_set_text (card, "child_name", "Alex");
  g_assert_true (nh_card_save (card, &error));
  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));

  nh_card_set_text (card, "child_name", "Alex Example");
  fail_under (directory, failure);
  g_assert_false (nh_card_flush (card, &error));
  recover ();

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, plain_words (failure)));
  g_assert_cmpstr (nh_card_get_text (card, "child_name"), ==, "Alex Example");
  g_assert_true (nh_card_get_dirty (card));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, good);
  assert_only_file (directory, NH_CARD_FILE_NAME);

  g_clear_error (&error);
  g_assert_true (nh_card_flush (card, &error));
  g_assert_no_error (error);
  again = nh_card_new (store);
  g_assert_true (nh_card_load (again, &error));
  g_assert_cmpstr (nh_card_get_text (again, "child_name"), ==, "Alex Example");
}

static void
test_checklist_state (gconstpointer data)
{
  const char *failure = data;
  g_autofree char *name = g_strdup_printf ("checklist-%s", failure);
  g_autofree char *directory = make_folder (name);
  g_autofree char *path = g_build_filename (directory, NH_CHECKLIST_STATE_FILE, NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(NhChecklistState) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *after = NULL;
  NhEpisode *current;

  state = nh_checklist_state_load (store, NULL, &error);
  g_assert_no_error (error);
  current = nh_checklist_state_get_current (state);
  g_assert_true (nh_episode_set_notes (current, "before", &error));
  g_assert_true (nh_checklist_state_save (state, &error));
  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));

  g_assert_true (nh_episode_set_notes (current, "shivering at 3 am", &error));
  fail_under (directory, failure);
  g_assert_false (nh_checklist_state_save (state, &error));
  recover ();

  g_assert_nonnull (strstr (error->message, plain_words (failure)));
  g_assert_cmpstr (nh_episode_get_notes (current), ==, "shivering at 3 am");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, good);
  assert_only_file (directory, NH_CHECKLIST_STATE_FILE);

  g_clear_error (&error);
  g_assert_true (nh_checklist_state_save (state, &error));
  again = nh_checklist_state_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nh_episode_get_notes (nh_checklist_state_get_current (again)), ==,
                   "shivering at 3 am");
}

/* An entry added to the health record on a failing disk stays in memory,
 * the record says it is not saved, and the next save writes it. */
static void
test_record (gconstpointer data)
{
  static const char * const first[] = { "2026-11-02T18:30", "Product A", "iv", "10", "g", "LOT-1",
                                        "", "", "", "", "", NULL };
  static const char * const second[] = { "2026-11-30T18:30", "Product A", "iv", "10", "g", "LOT-2",
                                         "", "", "", "", "", NULL };
  const char *failure = data;
  g_autofree char *name = g_strdup_printf ("record-%s", failure);
  g_autofree char *directory = make_folder (name);
  g_autofree char *path = g_build_filename (directory, NH_RECORD_FILE_NAME, NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhRecord) record = NULL;
  g_autoptr(NhRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *after = NULL;

  record = nh_record_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nh_record_add_entry (record, NH_RECORD_INFUSIONS, first, NULL, &error));
  g_assert_true (nh_record_get_saved (record));
  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));

  fail_under (directory, failure);
  g_assert_false (nh_record_add_entry (record, NH_RECORD_INFUSIONS, second, NULL, &error));
  recover ();

  g_assert_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, plain_words (failure)));
  g_assert_false (nh_record_get_saved (record));
  g_assert_cmpuint (nh_record_get_n_entries (record, NH_RECORD_INFUSIONS), ==, 2);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, good);
  assert_only_file (directory, NH_RECORD_FILE_NAME);

  /* Retry, once the disk is back. */
  g_clear_error (&error);
  g_assert_true (nh_record_save (record, &error));
  g_assert_no_error (error);
  g_assert_true (nh_record_get_saved (record));
  again = nh_record_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nh_record_get_n_entries (again, NH_RECORD_INFUSIONS), ==, 2);
}

/* Installing a support group's edition on a full disk installs nothing. */
static void
test_edition_library (gconstpointer data)
{
  const char *failure = data;
  g_autofree char *name = g_strdup_printf ("editions-%s", failure);
  g_autofree char *directory = make_folder (name);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "edition", "en.json", NULL);
  g_autoptr(NhEditionLibrary) library = nh_edition_library_new (directory);
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize length;

  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  /* A group's edition: an id of its own. */
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"nemo-handbook-en\"", "\"disk-full-test\"", 1), ==, 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  fail_under (directory, failure);
  edition = nh_edition_library_install (library, bytes, NULL, &error);
  recover ();

  g_assert_null (edition);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  dir = g_dir_open (directory, 0, NULL);
  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
}

/* nemo-handbook --export… on a full or read-only target: a non-zero exit,
 * a message naming the file, and the file there before untouched. */
static void
test_command_line (gconstpointer data)
{
  const char *failure = data;
  static const char * const exports[][4] = {
    { "--export=checklist", "--blank", "--output=%s", NULL },
    { "--export=emergency-card", "--blank", "--output=%s", NULL },
    { "--export=handbook", "--paper=a5", "--output=%s", NULL },
    { "--export-edition-template=%s", NULL, NULL, NULL },
  };
  g_autofree char *name = g_strdup_printf ("cli-%s", failure);
  g_autofree char *directory = make_folder (name);
  g_autofree char *target = g_build_filename (directory, "out.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) envp = NULL;
      int status;

      g_assert_true (g_file_set_contents (target, "last good", -1, NULL));

      g_ptr_array_add (argv, g_strdup (g_getenv ("NH_BINARY")));
      for (guint a = 0; exports[i][a] != NULL; a++)
        {
          GString *arg = g_string_new (exports[i][a]);

          g_string_replace (arg, "%s", target, 1);
          g_ptr_array_add (argv, g_string_free (arg, FALSE));
        }
      g_ptr_array_add (argv, NULL);

      fail_under (directory, failure);
      envp = g_get_environ ();
      /* The isolated folders are GLib's own in this process, not in its
       * environment. */
      envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
      envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
      envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
      envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
      g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, &error));
      recover ();
      g_assert_no_error (error);

      g_test_message ("%s: %s", (char *)argv->pdata[1], err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), !=, 0);
      g_assert_nonnull (strstr (err, directory));
      assert_contents (target, "last good");
      assert_only_file (directory, "out.pdf");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Without the shim nothing here can fail: say so rather than pass. */
  if (g_getenv ("LD_PRELOAD") == NULL || strstr (g_getenv ("LD_PRELOAD"), "nh-fail-io") == NULL)
    {
      g_test_skip ("needs the nh-fail-io shim in LD_PRELOAD");
      return 77;
    }

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *store = g_strdup_printf ("/disk-full/store/%s", failures[i]);
      g_autofree char *card = g_strdup_printf ("/disk-full/card/%s", failures[i]);
      g_autofree char *checklist = g_strdup_printf ("/disk-full/checklist-state/%s", failures[i]);
      g_autofree char *record = g_strdup_printf ("/disk-full/record/%s", failures[i]);
      g_autofree char *editions = g_strdup_printf ("/disk-full/edition-library/%s", failures[i]);
      g_autofree char *cli = g_strdup_printf ("/disk-full/command-line/%s", failures[i]);

      g_test_add_data_func (store, failures[i], test_store);
      g_test_add_data_func (card, failures[i], test_card);
      g_test_add_data_func (checklist, failures[i], test_checklist_state);
      g_test_add_data_func (record, failures[i], test_record);
      g_test_add_data_func (editions, failures[i], test_edition_library);
      g_test_add_data_func (cli, failures[i], test_command_line);
    }
  g_test_add_func ("/disk-full/store/folder-vanished", test_store_folder_vanished);

  return g_test_run ();
}
