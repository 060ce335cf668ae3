/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-test-tmp.h: where tests put the files they make
 *
 * In the test's own cache folder: with G_TEST_OPTION_ISOLATE_DIRS GLib
 * removes it after each test, and UI tests remove theirs at exit
 * (nh-test-ui.c). Nothing is left in /tmp, and two test runs at once
 * never share a file.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes @path and everything below it; FALSE when something could not
 * be removed. Links are removed, never followed. */
static inline gboolean
nh_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  gboolean removed = TRUE;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        removed &= nh_test_remove_tree (child);
      else
        removed &= g_unlink (child) == 0;
      g_free (child);
    }
  if (dir != NULL)
    g_dir_close (dir);

  return g_rmdir (path) == 0 && removed;
}

static inline char *
nh_test_tmp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}
