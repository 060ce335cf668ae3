/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-entry-dialog.c: add or edit one entry of the health record
 *
 * The form is made from the table's columns (nh_record_get_columns()), so
 * the dialog, the stored file and the CSV columns never disagree. Values
 * the family typed before (products, units, tests) are offered from a menu
 * beside the field; nothing is ever suggested that the family did not type.
 * Nothing is saved until every value is right; each problem is shown at
 * its field and the typed text stays.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nh-record-entry-dialog.h"

struct _NhRecordEntryDialog
{
  AdwWindow         parent_instance;

  NhRecord         *record;
  NhRecordTable     table;
  char             *entry_id;     /* NULL: a new entry */
  GPtrArray        *episode_ids;  /* the episode combo row's ids; "" first */

  GtkWidget        *fields[NH_RECORD_MAX_COLUMNS];
  GtkLabel         *problems_label;
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (NhRecordEntryDialog, nh_record_entry_dialog, ADW_TYPE_WINDOW)

static const char *
dialog_title (NhRecordTable table,
              gboolean      editing)
{
  switch (table)
    {
    case NH_RECORD_INFUSIONS:
      return editing ? _("Edit Infusion") : _("Add Infusion");
    case NH_RECORD_ILLNESSES:
      return editing ? _("Edit Illness") : _("Add Illness");
    case NH_RECORD_ANTIBIOTICS:
      return editing ? _("Edit Antibiotic") : _("Add Antibiotic");
    case NH_RECORD_LAB_RESULTS:
      return editing ? _("Edit Lab Result") : _("Add Lab Result");
    case NH_RECORD_N_TABLES:
    default:
      g_assert_not_reached ();
    }
}

/* What the family should write, beside the label: formats and units. */
static const char *
column_hint (const NhRecordColumn *column)
{
  switch (column->kind)
    {
    case NH_COLUMN_DATE:
      /* Translators: how to write a date; keep the digits */
      return _("YYYY-MM-DD");
    case NH_COLUMN_DATE_TIME:
      /* Translators: how to write a date and time; keep the digits */
      return _("YYYY-MM-DD HH:MM");
    case NH_COLUMN_NUMBER:
      return _("a number");
    case NH_COLUMN_TEXT:
    case NH_COLUMN_LONG_TEXT:
    case NH_COLUMN_CHOICE:
    default:
      return NULL;
    }
}

static char *
field_title (const NhRecordColumn *column)
{
  const char *label = _(column->label);
  const char *hint = column_hint (column);

  if (hint != NULL)
    /* Translators: a field's label and how to write it: "Onset (YYYY-MM-DD)" */
    return g_strdup_printf (_("%s (%s)"), label, hint);

  return g_strdup (label);
}

static void
offer_value_cb (GtkButton *button,
                AdwEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), gtk_button_get_label (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (g_object_get_data (G_OBJECT (button), "menu-button")));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Earlier values, for one click instead of typing them again. */
static void
add_earlier_values (NhRecordEntryDialog  *self,
                    AdwEntryRow          *row,
                    const NhRecordColumn *column,
                    const char * const   *extra)
{
  g_auto(GStrv) values = nh_record_dup_values (self->record, self->table, column->id);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GtkWidget *menu_button, *popover, *box;
  g_autofree char *name = NULL;

  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer)extra[i]);
  for (guint i = 0; values[i] != NULL; i++)
    if (extra == NULL || !g_strv_contains (extra, values[i]))
      g_ptr_array_add (all, values[i]);

  if (all->len == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-list-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  /* Translators: the button beside a field, e.g. "Earlier: Product" */
  name = g_strdup_printf (_("Earlier: %s"), _(column->label));
  gtk_widget_set_tooltip_text (menu_button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (guint i = 0; i < all->len && i < 12; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (g_ptr_array_index (all, i));

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data (G_OBJECT (button), "menu-button", menu_button);
      g_signal_connect (button, "clicked", G_CALLBACK (offer_value_cb), row);
      gtk_box_append (GTK_BOX (box), button);
    }

  adw_entry_row_add_suffix (row, menu_button);
}

static GtkWidget *
make_choice_row (const NhRecordColumn *column,
                 const char           *value)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  /* Translators: the choice "nothing said" in a list such as Route */
  gtk_string_list_append (labels, _("Not given"));
  for (guint i = 0; column->choices[i] != NULL; i++)
    {
      gtk_string_list_append (labels, nh_record_choice_label (column, column->choices[i]));
      if (g_strcmp0 (value, column->choices[i]) == 0)
        selected = i + 1;
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);

  return row;
}

static char *
episode_label (NhEpisode *episode)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (nh_episode_get_started_at (episode));
  /* Translators: a checklist episode in a list, by when it started */
  g_autofree char *when = g_date_time_format (local, _("%x %R"));

  return g_steal_pointer (&when);
}

/* An illness can be a checklist episode: it is linked by the episode's id. */
static GtkWidget *
make_episode_row (NhRecordEntryDialog *self,
                  NhChecklistState    *state,
                  const char          *value)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  GListModel *archive = state != NULL ? nh_checklist_state_get_archive (state) : NULL;
  guint selected = 0;

  self->episode_ids = g_ptr_array_new_with_free_func (g_free);
  /* Translators: an illness not linked to any checklist episode */
  gtk_string_list_append (labels, _("None"));
  g_ptr_array_add (self->episode_ids, g_strdup (""));

  if (state != NULL)
    {
      NhEpisode *current = nh_checklist_state_get_current (state);
      guint n = g_list_model_get_n_items (archive);

      if (!nh_episode_is_empty (current))
        {
          g_autofree char *label = episode_label (current);

          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->episode_ids, g_strdup (nh_episode_get_id (current)));
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NhEpisode) episode = g_list_model_get_item (archive, i);
          g_autofree char *label = episode_label (episode);

          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->episode_ids, g_strdup (nh_episode_get_id (episode)));
        }
    }

  /* An episode since deleted keeps its link, shown as its id. */
  if (value != NULL && *value != '\0')
    {
      guint i;

      for (i = 0; i < self->episode_ids->len; i++)
        if (g_str_equal (g_ptr_array_index (self->episode_ids, i), value))
          break;
      if (i == self->episode_ids->len)
        {
          gtk_string_list_append (labels, value);
          g_ptr_array_add (self->episode_ids, g_strdup (value));
        }
      selected = i;
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);

  return row;
}

static GtkWidget *
make_long_text (const char *title,
                const char *value,
                GtkWidget **view_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), value != NULL ? value : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_top (box, 12);

  *view_out = view;
  return box;
}

static char *
dup_field_value (NhRecordEntryDialog  *self,
                 const NhRecordColumn *column,
                 GtkWidget            *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  if (ADW_IS_COMBO_ROW (field))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field));

      if (g_str_equal (column->id, "episode_id"))
        return g_strdup (selected < self->episode_ids->len ? g_ptr_array_index (self->episode_ids, selected) : "");

      return g_strdup (selected == 0 || selected == GTK_INVALID_LIST_POSITION
                       ? "" : column->choices[selected - 1]);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

static void
save_cb (NhRecordEntryDialog *self)
{
  guint n_columns;
  const NhRecordColumn *columns = nh_record_get_columns (self->table, &n_columns);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean saved;
  GtkWidget *first_problem = NULL;

  for (guint i = 0; i < n_columns; i++)
    {
      g_ptr_array_add (values, dup_field_value (self, &columns[i], self->fields[i]));
      gtk_widget_remove_css_class (self->fields[i], "error");
    }
  g_ptr_array_add (values, NULL);

  if (!nh_record_check_entry (self->table, (const char * const *)values->pdata, NULL, problems))
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (problems, i), "\t", 2);
          int column = nh_record_find_column (self->table, parts[0]);

          if (first_problem == NULL)
            first_problem = self->fields[column];
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, _("%s: %s"), _(columns[column].label), parts[1]);
        }

      gtk_label_set_text (self->problems_label, text->str);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
      gtk_widget_grab_focus (first_problem);
      /* After the focus: an entry row sets its classes when focused. */
      for (guint i = 0; i < problems->len; i++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (problems, i), "\t", 2);

          gtk_widget_add_css_class (self->fields[nh_record_find_column (self->table, parts[0])], "error");
        }
      return;
    }

  if (self->entry_id != NULL)
    saved = nh_record_replace_entry (self->record, self->table, self->entry_id,
                                     (const char * const *)values->pdata, &error);
  else
    saved = nh_record_add_entry (self->record, self->table,
                                 (const char * const *)values->pdata, NULL, &error);

  /* Kept in memory when saving fails: the record page says why. */
  if (!saved && !g_error_matches (error, NH_STORE_ERROR, NH_STORE_ERROR_IO))
    {
      gtk_label_set_text (self->problems_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
      return;
    }

  if (!saved)
    g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
nh_record_entry_dialog_finalize (GObject *object)
{
  NhRecordEntryDialog *self = (NhRecordEntryDialog *)object;

  g_clear_object (&self->record);
  g_clear_pointer (&self->entry_id, g_free);
  g_clear_pointer (&self->episode_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (nh_record_entry_dialog_parent_class)->finalize (object);
}

static void
nh_record_entry_dialog_class_init (NhRecordEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nh_record_entry_dialog_finalize;

  /**
   * NhRecordEntryDialog::save-failed:
   * @message: why the record could not be saved (the entry is kept in memory)
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nh_record_entry_dialog_init (NhRecordEntryDialog *self)
{
}

static void
build (NhRecordEntryDialog *self,
       const char * const  *values,
       NhChecklistState    *episodes)
{
  guint n_columns;
  const NhRecordColumn *columns = nh_record_get_columns (self->table, &n_columns);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  const char * const default_tests[] = { _("IgG trough level"), NULL };

  gtk_window_set_title (GTK_WINDOW (self), dialog_title (self->table, self->entry_id != NULL));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), self);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->problems_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problems_label, TRUE);
  gtk_label_set_xalign (self->problems_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problems_label));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  for (guint i = 0; i < n_columns; i++)
    {
      const NhRecordColumn *column = &columns[i];
      g_autofree char *title = field_title (column);
      const char *value = values != NULL ? values[i] : "";
      GtkWidget *field;

      if (g_str_equal (column->id, "episode_id"))
        field = make_episode_row (self, episodes, value);
      else if (column->kind == NH_COLUMN_CHOICE)
        field = make_choice_row (column, value);
      else if (column->kind == NH_COLUMN_LONG_TEXT)
        {
          gtk_box_append (GTK_BOX (box), make_long_text (title, value, &field));
          self->fields[i] = field;
          continue;
        }
      else
        {
          g_autofree char *shown = NULL;

          field = adw_entry_row_new ();
          /* A time is stored with a T; people write a space. */
          if (column->kind == NH_COLUMN_DATE_TIME && value != NULL && strlen (value) == 16)
            {
              shown = g_strdup (value);
              shown[10] = ' ';
            }
          gtk_editable_set_text (GTK_EDITABLE (field), shown != NULL ? shown : value != NULL ? value : "");
          /* Enter in any field saves, as in a dialog. */
          adw_entry_row_set_activates_default (ADW_ENTRY_ROW (field), TRUE);
          if (g_str_equal (column->id, "product") || g_str_equal (column->id, "dose_unit") ||
              g_str_equal (column->id, "unit") || g_str_equal (column->id, "drug") ||
              g_str_equal (column->id, "given_by") || g_str_equal (column->id, "sites"))
            add_earlier_values (self, ADW_ENTRY_ROW (field), column, NULL);
          else if (g_str_equal (column->id, "test"))
            add_earlier_values (self, ADW_ENTRY_ROW (field), column, default_tests);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field), title);
      gtk_list_box_append (GTK_LIST_BOX (list), field);
      self->fields[i] = field;
    }

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scroller);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 640);

  gtk_widget_grab_focus (self->fields[0]);
}

/**
 * nh_record_entry_dialog_new:
 * @entry_id: (nullable): the entry to edit, or NULL for a new one
 * @values: (nullable): what the fields start with, one per column
 * @episodes: (nullable): the child's checklist, for linking an illness
 */
NhRecordEntryDialog *
nh_record_entry_dialog_new (GtkWindow          *parent,
                            NhRecord           *record,
                            NhRecordTable       table,
                            const char         *entry_id,
                            const char * const *values,
                            NhChecklistState   *episodes)
{
  NhRecordEntryDialog *self;

  g_return_val_if_fail (NH_IS_RECORD (record), NULL);

  self = g_object_new (NH_TYPE_RECORD_ENTRY_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->record = g_object_ref (record);
  self->table = table;
  self->entry_id = g_strdup (entry_id);
  build (self, values, episodes);

  return self;
}
