/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-window-children.c: whose card, checklist and record the window shows
 *
 * With two children or more, the sidebar lists them above the tools (one
 * click switches) and each tool page says whose it is in its subtitle. A
 * family with one child sees none of this. The family (NhFamily) knows
 * the child in view; every window follows it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-window-private.h"

static NhFamily *
get_family (NhWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return application != NULL ? nh_application_get_family (NH_APPLICATION (application)) : NULL;
}

static gboolean
is_tool (const char *page_id)
{
  return page_id != NULL && *page_id == '@';
}

void
_nh_window_children_update_title (NhWindow *self)
{
  NhFamily *family = get_family (self);
  g_autofree char *name = NULL;

  if (family != NULL && nh_family_get_n_children (family) > 1 && is_tool (self->section_id))
    name = nh_child_dup_display_name (nh_family_get_current (family));

  adw_window_title_set_subtitle (self->content_title, name);
}

static void
select_current (NhWindow *self)
{
  NhFamily *family = get_family (self);
  NhChild *current = family != NULL ? nh_family_get_current (family) : NULL;
  guint n = family != NULL ? nh_family_get_n_children (family) : 0;

  for (guint i = 0; i < n; i++)
    if (nh_family_get_child (family, i) == current)
      gtk_list_box_select_row (self->children_list, gtk_list_box_get_row_at_index (self->children_list, i));
}

static void
fill_children (NhWindow *self)
{
  NhFamily *family = get_family (self);
  guint n = family != NULL ? nh_family_get_n_children (family) : 0;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->children_list))))
    gtk_list_box_remove (self->children_list, row);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = nh_child_dup_display_name (nh_family_get_child (family, i));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");
      GtkWidget *label = gtk_label_new (name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_list_box_append (self->children_list, row);
    }

  gtk_widget_set_visible (self->children_box, n > 1);
  select_current (self);
}

static void
child_row_activated_cb (NhWindow      *self,
                        GtkListBoxRow *row)
{
  NhFamily *family = get_family (self);
  NhChild *child;

  if (family == NULL || !(child = nh_family_get_child (family, gtk_list_box_row_get_index (row))))
    return;

  nh_family_set_current (family, child);
}

/* Another child: their pages, made anew; a section stays as it is. */
static void
current_changed_cb (NhWindow *self)
{
  NhFamily *family = get_family (self);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (family == NULL || application == NULL)
    return;

  /* The card waiting to be saved is saved before it is let go. */
  nh_family_flush (family, NULL);
  _nh_window_remove_tool_pages (self);
  select_current (self);
  if (is_tool (self->section_id))
    _nh_window_redisplay (self);
  _nh_window_children_update_title (self);
}

static void
children_changed_cb (NhWindow *self)
{
  fill_children (self);
  _nh_window_children_update_title (self);
}

void
_nh_window_children_init (NhWindow      *self,
                          NhApplication *application)
{
  NhFamily *family = nh_application_get_family (application);

  /* Again after a restore, with the new family; the list only once. */
  if (g_object_get_data (G_OBJECT (self->children_list), "nh-connected") == NULL)
    {
      g_signal_connect_object (self->children_list, "row-activated",
                               G_CALLBACK (child_row_activated_cb), self, G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (self->children_list), "nh-connected", GINT_TO_POINTER (TRUE));
    }
  g_signal_connect_object (family, "notify::current",
                           G_CALLBACK (current_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (nh_family_get_children (family), "items-changed",
                           G_CALLBACK (children_changed_cb), self, G_CONNECT_SWAPPED);
  fill_children (self);
}

static void
add_child_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       NhWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  NhFamily *family = get_family (self);
  g_autoptr(GError) error = NULL;
  NhChild *child;

  if (!g_str_equal (response, "add") || family == NULL)
    return;

  if (!(child = nh_family_add_child (family, gtk_editable_get_text (entry), &error)))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("The Child Could Not Be Added"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  /* Their card starts with their name. */
  nh_card_set_text (nh_child_get_card (child), "child_name", nh_child_get_name (child));
  nh_family_set_current (family, child);
  nh_window_show_section (self, NH_PAGE_CARD);
}

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *text != '\0');
}

static void
entry_activate_cb (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    {
      adw_message_dialog_response (dialog, "add");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* Brothers can both have NEMO deficiency: each gets a card, a checklist
 * and a record of their own. */
void
_nh_window_add_child (NhWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a Child"),
                                              _("They get an emergency card, a checklist and a health record "
                                                "of their own. The first child’s stay as they are."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_max_length (GTK_ENTRY (entry), NH_CHILD_MAX_NAME_CHARS);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The child’s name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_child_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
