/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-window-backup.c: Back Up… and Restore… in the main menu
 *
 * The same file as --backup and --restore (nh-backup.c). A restore is
 * checked whole before it is offered; what was there before is kept as a
 * backup of its own, and the window then shows the restored children.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/nh-backup.h"
#include "nh-window-private.h"

static NhApplication *
get_app (NhWindow *self)
{
  return NH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
toast (NhWindow   *self,
       const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *item = adw_toast_new (escaped);

  adw_toast_set_timeout (item, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, item);
}

static void
backup_file_cb (GtkNativeDialog *chooser,
                int              response,
                NhWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) && (path = g_file_get_path (file)))
    {
      if (!(data = nh_backup_dup_data (nh_application_get_family (get_app (self)), &length, &error)) ||
          !g_file_set_contents_full (path, data, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Everything was saved in %s"), path);

          toast (self, message);
        }
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

void
_nh_window_backup (NhWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name a backup is offered as; keep .nemo-backup */
  g_autofree char *name = g_strdup_printf (_("nemo-handbook-%s.nemo-backup"), date);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Back Up Everything"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The family on disk changed under every window: each shows it anew. */
static void
family_replaced (NhApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (NH_IS_WINDOW (l->data))
      {
        NhWindow *window = l->data;

        _nh_window_remove_tool_pages (window);
        _nh_window_children_init (window, app);
        if (window->section_id != NULL && *window->section_id == '@')
          _nh_window_redisplay (window);
        _nh_window_children_update_title (window);
      }
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     NhWindow         *self)
{
  GBytes *bytes = g_object_get_data (G_OBJECT (dialog), "bytes");
  NhApplication *app = get_app (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;

  if (!g_str_equal (response, "restore") || app == NULL)
    return;

  if (!nh_backup_restore (nh_application_get_family (app), bytes, &previous, &error))
    {
      toast (self, error->message);
      return;
    }

  nh_application_reload_family (app);
  family_replaced (app);

  {
    g_autofree char *message = g_strdup_printf (_("Restored. What was there before is kept in %s"), previous);

    toast (self, message);
  }
}

static void
restore_file_cb (GtkNativeDialog *chooser,
                 int              response,
                 NhWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint n_children = 0;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);

      if (info != NULL && g_file_info_get_size (info) > NH_BACKUP_MAX_BYTES)
        toast (self, _("This file is too large to be a backup."));
      else if (info == NULL || !(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
               !nh_backup_check (nh_application_get_family (get_app (self)), bytes, &n_children, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "The backup holds %u child. Their cards, checklists "
                                                                "and records replace everything here; what is here "
                                                                "now is kept as a backup of its own.",
                                                                "The backup holds %u children. Their cards, "
                                                                "checklists and records replace everything here; "
                                                                "what is here now is kept as a backup of its own.",
                                                                n_children),
                                                   n_children);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);

          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "restore", _("_Restore"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_object_set_data_full (G_OBJECT (dialog), "bytes", g_bytes_ref (bytes), (GDestroyNotify)g_bytes_unref);
          g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

void
_nh_window_restore (NhWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Restore From a Backup"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
