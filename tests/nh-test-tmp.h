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

static inline char *
nh_test_tmp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}
