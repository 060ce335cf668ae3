/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-toast.c: a toast in the window a widget is in
 *
 * Every page shows its toasts this way, so they behave the same when the
 * widget is in no AdwToastOverlay (not in a window yet, or in a test): the
 * message goes to the log, where a developer sees it, and the toast is
 * dropped.
 */

#include "config.h"

#include "nh-toast.h"

/**
 * nh_toast_show:
 * @toast: (transfer full): the toast, usually just made (floating)
 *
 * Shows @toast in the nearest #AdwToastOverlay above @widget.
 */
void
nh_toast_show (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  g_message ("no window to show “%s” in", adw_toast_get_title (toast));
  g_object_unref (g_object_ref_sink (toast));
}

void
nh_toast_show_message (GtkWidget  *widget,
                       const char *message)
{
  g_return_if_fail (message != NULL);

  nh_toast_show (widget, adw_toast_new (message));
}
