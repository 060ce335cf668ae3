/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: starts NEMO Handbook */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "model/nh-catalog.h"
#include "nh-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NhApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* NH_LOCALEDIR: the build tree's catalogues, when run from there. */
  bindtextdomain (GETTEXT_PACKAGE, nh_catalog_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nh_application_new (APP_ID, G_APPLICATION_HANDLES_COMMAND_LINE);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
