/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bare-window.c: a bare libadwaita window, baseline for bench-startup */

#include <adwaita.h>
#include <stdio.h>

/* With NH_BENCH_FIRST_FRAME=1, print the monotonic time of the first
 * painted frame as "first-frame-us: N" and quit. */

static gboolean first_frame_seen = FALSE;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  gint64 now = g_get_monotonic_time ();

  if (first_frame_seen)
    return;
  first_frame_seen = TRUE;

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);

  printf ("first-frame-us: %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);

  g_application_quit (app);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));
  GdkFrameClock *clock = gdk_surface_get_frame_clock (surface);

  g_signal_connect_object (clock, "after-paint",
                           G_CALLBACK (after_paint_cb), user_data, 0);
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *win;
  GtkWidget *box;
  GtkWidget *label;

  (void) user_data;

  win = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (win), "Bench");
  gtk_window_set_default_size (GTK_WINDOW (win), 960, 720);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  label = gtk_label_new ("");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (win), box);

  if (g_strcmp0 (g_getenv ("NH_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (win, "realize", G_CALLBACK (realize_cb), app);

  gtk_window_present (GTK_WINDOW (win));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.nemohandbook.BenchBare",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
