/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash-safety.c: a save killed at any moment leaves the old or the new file
 *
 * The test binary runs itself again as a writer (--crash-writer DIR) that
 * saves two different checklist states through NhStore one after the
 * other, as fast as it can, and kills it with SIGKILL at a random moment.
 * What is on disk must then be exactly one of the two, and load.
 */

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "model/nh-checklist-state.h"

#define N_ROUNDS 200

/* Two states of very different sizes (about 1 KiB and 60 KiB), so a file
 * cut short or made of both would not pass as either. */
static char *
make_content (guint  which,
              gsize *length)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(GError) error = NULL;
  guint n_readings = which == 0 ? 1 : 400;

  g_string_append_printf (json,
                          "{\"version\": 1,"
                          " \"clinic\": {\"text\": \"content %c\", \"phone\": \"+44 20 1234\"},"
                          " \"current\": {\"started\": \"2026-11-25T14:07:00Z\","
                          "   \"ticks\": {\"call-team\": \"2026-11-25T14:08:00Z\"},"
                          "   \"notes\": \"%s\", \"readings\": [",
                          which == 0 ? 'A' : 'B', which == 0 ? "short" : "");
  for (guint i = 0; i < n_readings; i++)
    g_string_append_printf (json, "%s{\"time\": \"2026-11-25T14:%02u:00Z\", \"value\": \"38.%u °C, "
                            "shivering, reading %u of content %c\"}",
                            i ? ", " : "", i % 60, i % 10, i, which == 0 ? 'A' : 'B');
  g_string_append (json, "]}}");

  bytes = g_bytes_new (json->str, json->len);
  state = nh_checklist_state_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  return nh_checklist_state_to_data (state, length);
}

/* The child: save A, B, A, B … until killed. */
static int
crash_writer (const char *directory)
{
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(GError) error = NULL;
  char *data[2];
  gsize length[2];

  data[0] = make_content (0, &length[0]);
  data[1] = make_content (1, &length[1]);

  for (guint64 n = 1; ; n++)
    {
      if (!nh_store_save (store, NH_CHECKLIST_STATE_FILE, data[n % 2], length[n % 2], &error))
        {
          g_printerr ("crash-writer: %s\n", error->message);
          return 1;
        }

      /* One save done: from now on the parent may kill at any moment. */
      if (n == 1 && write (STDOUT_FILENO, "r", 1) != 1)
        return 1;
    }
}

/* Removes the writer's temporary files (checklist.json.XXXXXX) that a kill
 * left behind, after checking they are as private as the file itself. */
static guint
remove_leftovers (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      GStatBuf st;

      if (g_str_equal (name, NH_CHECKLIST_STATE_FILE))
        continue;

      g_assert_true (g_str_has_prefix (name, NH_CHECKLIST_STATE_FILE "."));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpint (g_unlink (path), ==, 0);
      n++;
    }

  return n;
}

static void
test_killed_while_saving (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "crash-store", NULL);
  g_autofree char *path = g_build_filename (directory, NH_CHECKLIST_STATE_FILE, NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(GError) error = NULL;
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  const char *data[2];
  gsize length[2];
  guint seen[2] = { 0, 0 };
  guint leftovers = 0;

  g_assert_nonnull (self);
  data[0] = data_a = make_content (0, &length[0]);
  data[1] = data_b = make_content (1, &length[1]);
  g_assert_cmpuint (length[0] * 20, <, length[1]);

  /* The file exists before the first writer starts. */
  g_assert_true (nh_store_save (store, NH_CHECKLIST_STATE_FILE, data[0], length[0], &error));
  g_assert_no_error (error);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *argv[] = { self, "--crash-writer", directory, NULL };
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(NhChecklistState) state = NULL;
      GPid pid;
      int out_fd;
      int status;
      char ready = 0;
      gsize size;
      guint which;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
      g_assert_cmpint (ready, ==, 'r');
      g_usleep (g_test_rand_int_range (1000, 30001));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      g_spawn_close_pid (pid);
      close (out_fd);

      g_assert_true (g_file_get_contents (path, &contents, &size, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (size, >, 0);

      if (size == length[0] && memcmp (contents, data[0], size) == 0)
        which = 0;
      else if (size == length[1] && memcmp (contents, data[1], size) == 0)
        which = 1;
      else
        g_error ("round %u: the file (%" G_GSIZE_FORMAT " bytes) is neither state", round, size);
      seen[which]++;

      bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
      state = nh_checklist_state_new_from_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (nh_checklist_state_get_clinic_text (state), ==,
                       which == 0 ? "content A" : "content B");

      leftovers += remove_leftovers (directory);
    }

  g_test_message ("%u rounds: %u ended on A, %u on B; %u temporary files left by kills",
                  N_ROUNDS, seen[0], seen[1], leftovers);
  /* Kills at random moments should land on both; if not, the writer was
   * not saving when killed and the test proved nothing. */
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-writer"))
    return crash_writer (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/crash-safety/killed-while-saving", test_killed_while_saving);

  return g_test_run ();
}
