/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-reminders.c: a desktop notification when a child's next infusion is due
 *
 * While the app runs (nothing starts at login), a few seconds after start
 * and then every hour, each child whose record has an interval and an
 * infusion gets one notification on the day the next is due, or once a
 * run when it is overdue. Clicking it opens the child's record.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nh-reminders.h"
#include "ui/nh-window.h"

#define FIRST_CHECK_SECONDS 5
#define CHECK_SECONDS       3600

static char *
notification_id (NhChild *child)
{
  return g_strdup_printf ("infusion-due-%s", nh_child_get_id (child));
}

/**
 * nh_reminders_check:
 * @today: YYYY-MM-DD
 *
 * Sends the notifications due on @today, each once per run of the app.
 *
 * Returns: how many were sent
 */
guint
nh_reminders_check (NhApplication *app,
                    const char    *today)
{
  NhFamily *family = nh_application_get_family (app);
  GHashTable *sent = g_object_get_data (G_OBJECT (app), "nh-reminders-sent");
  guint n = nh_family_get_n_children (family);
  guint count = 0;

  if (sent == NULL)
    {
      sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (app), "nh-reminders-sent", sent, (GDestroyNotify)g_hash_table_unref);
    }

  for (guint i = 0; i < n; i++)
    {
      NhChild *child = nh_family_get_child (family, i);
      NhRecord *record = nh_child_get_record (child, NULL);
      g_autofree char *due = record != NULL ? nh_record_dup_next_due (record) : NULL;
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *body = NULL;
      g_autoptr(GNotification) notification = NULL;

      if (due == NULL || strcmp (due, today) > 0)
        continue;

      key = g_strdup_printf ("%s %s", nh_child_get_id (child), due);
      if (g_hash_table_contains (sent, key))
        continue;
      g_hash_table_add (sent, g_steal_pointer (&key));

      name = nh_child_dup_display_name (child);
      notification = g_notification_new (g_str_equal (due, today) ? _("Infusion Due Today")
                                                                  : _("Infusion Overdue"));
      /* Translators: the body of the reminder: "Leo: the next infusion was due on 2026-12-07." */
      body = g_strdup_printf (_("%s: the next infusion was due on %s, as the interval you set says."), name, due);
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.show-record", "s", nh_child_get_id (child));
      id = notification_id (child);
      g_application_send_notification (G_APPLICATION (app), id, notification);
      count++;
    }

  return count;
}

static gboolean
check_cb (gpointer data)
{
  NhApplication *app = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  nh_reminders_check (app, today);

  return G_SOURCE_CONTINUE;
}

static gboolean
first_check_cb (gpointer data)
{
  check_cb (data);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, CHECK_SECONDS, check_cb, data, NULL);

  return G_SOURCE_REMOVE;
}

/* The notification's click: the child's record, in the window. */
static void
show_record_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  NhApplication *app = user_data;
  NhFamily *family = nh_application_get_family (app);
  NhChild *child = nh_family_find_child (family, g_variant_get_string (parameter, NULL));
  GtkWindow *window;

  if (child != NULL)
    nh_family_set_current (family, child);
  window = nh_application_open_window (app);
  nh_window_show_section (NH_WINDOW (window), "@record");
}

static const GActionEntry entries[] = {
  { "show-record", show_record_cb, "s" },
};

/* From start-up to quit. */
void
nh_reminders_start (NhApplication *app)
{
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, FIRST_CHECK_SECONDS, first_check_cb, app, NULL);
}
