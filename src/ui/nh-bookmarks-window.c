/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-bookmarks-window.c: the reader's bookmarks: open, rename, remove
 *
 * One row a bookmark, in the order they were made: the name in an entry
 * (Enter keeps a new name), where it is, and buttons to open and remove
 * it. A bookmark whose section or paragraph is not in this edition (a newer
 * edition, another group's) says so, and opens what is still there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-bookmarks-window.h"

struct _NhBookmarksWindow
{
  AdwWindow           parent_instance;
  NhReading          *reading;
  NhEdition          *edition;
  NhBookmarkOpenFunc  open_func;
  gpointer            user_data;
  GPtrArray          *rows;

  /* Template children */
  GtkStack             *stack;
  AdwPreferencesGroup  *group;
};

G_DEFINE_FINAL_TYPE (NhBookmarksWindow, nh_bookmarks_window, ADW_TYPE_WINDOW)

static void rebuild (NhBookmarksWindow *self);

static void
save (NhBookmarksWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!nh_reading_save (self->reading, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Bookmarks Not Saved"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static guint
row_position (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "nh-position"));
}

static void
renamed_cb (AdwEntryRow       *row,
            NhBookmarksWindow *self)
{
  nh_reading_rename_bookmark (self->reading, nh_edition_get_id (self->edition),
                              row_position (GTK_WIDGET (row)),
                              gtk_editable_get_text (GTK_EDITABLE (row)));
  save (self);
}

static void
open_clicked_cb (GtkButton         *button,
                 NhBookmarksWindow *self)
{
  const NhBookmark *bookmark = nh_reading_get_bookmark (self->reading, nh_edition_get_id (self->edition),
                                                        row_position (GTK_WIDGET (button)));
  g_autofree char *section_id = NULL;
  guint block;

  if (bookmark == NULL)
    return;

  section_id = g_strdup (bookmark->section_id);
  block = bookmark->block;
  gtk_window_close (GTK_WINDOW (self));
  self->open_func (section_id, block, self->user_data);
}

static void
remove_clicked_cb (GtkButton         *button,
                   NhBookmarksWindow *self)
{
  nh_reading_remove_bookmark (self->reading, nh_edition_get_id (self->edition),
                              row_position (GTK_WIDGET (button)));
  save (self);
  rebuild (self);
}

/* Where the bookmark is, in words; NULL section when it is gone. */
static char *
dup_place (NhBookmarksWindow *self,
           const NhBookmark  *bookmark,
           gboolean          *can_open)
{
  NhSection *section = nh_edition_find_section (self->edition, bookmark->section_id, NULL);
  g_autofree char *excerpt = NULL;

  *can_open = section != NULL;

  if (section == NULL)
    return g_strdup (_("Not in this edition: its section is gone"));

  if (bookmark->block >= nh_section_get_n_blocks (section))
    /* Translators: %s is a section title */
    return g_strdup_printf (_("%s (the paragraph is no longer in this edition)"),
                            nh_section_get_title (section));

  /* The paragraph's words as they read now, in this edition's language. */
  excerpt = nh_block_dup_excerpt (nh_section_get_block (section, bookmark->block), 12);
  if (*excerpt == '\0')
    return g_strdup (nh_section_get_title (section));

  /* Translators: where a bookmark is: a section title and the paragraph's
   * first words */
  return g_strdup_printf (_("%s: %s"), nh_section_get_title (section), excerpt);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             guint       position)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "nh-position", GUINT_TO_POINTER (position));

  return button;
}

static void
rebuild (NhBookmarksWindow *self)
{
  const char *edition_id = nh_edition_get_id (self->edition);
  guint n = nh_reading_get_n_bookmarks (self->reading, edition_id);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      const NhBookmark *bookmark = nh_reading_get_bookmark (self->reading, edition_id, i);
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *place = NULL;
      GtkWidget *open;
      GtkWidget *remove;
      gboolean can_open;

      place = dup_place (self, bookmark, &can_open);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), bookmark->name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "nh-position", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "apply", G_CALLBACK (renamed_cb), self, 0);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (renamed_cb), self, 0);

      open = icon_button ("go-next-symbolic", _("Open"), i);
      gtk_widget_set_sensitive (open, can_open);
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_clicked_cb), self, 0);
      remove = icon_button ("user-trash-symbolic", _("Remove"), i);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), open);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
nh_bookmarks_window_dispose (GObject *object)
{
  NhBookmarksWindow *self = (NhBookmarksWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NH_TYPE_BOOKMARKS_WINDOW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->reading);
  g_clear_object (&self->edition);

  G_OBJECT_CLASS (nh_bookmarks_window_parent_class)->dispose (object);
}

static void
nh_bookmarks_window_class_init (NhBookmarksWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_bookmarks_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-bookmarks-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NhBookmarksWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NhBookmarksWindow, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nh_bookmarks_window_init (NhBookmarksWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

NhBookmarksWindow *
nh_bookmarks_window_new (GtkWindow          *parent,
                         NhReading          *reading,
                         NhEdition          *edition,
                         NhBookmarkOpenFunc  open_func,
                         gpointer            user_data)
{
  NhBookmarksWindow *self;

  g_return_val_if_fail (NH_IS_READING (reading), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (open_func != NULL, NULL);

  self = g_object_new (NH_TYPE_BOOKMARKS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->reading = g_object_ref (reading);
  self->edition = g_object_ref (edition);
  self->open_func = open_func;
  self->user_data = user_data;
  rebuild (self);

  return self;
}
