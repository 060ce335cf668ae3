/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-page.c: the child's health record: infusions, illnesses, antibiotics, lab results
 *
 * Four lists, newest first, each with an Add button; infusions also with
 * "Same as Last Time", the next date due from the interval the family set,
 * and a search by lot number ("was this lot used?"). Deleting says so with
 * an Undo. After every change the card's Ig product, last dose and
 * preventive antibiotics follow the record (nh_child_update_card_from_record()).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "nh-application.h"
#include "nh-record-entry-dialog.h"
#include "nh-record-page.h"
#include "nh-save-banner.h"
#include "render/nh-paper.h"
#include "render/nh-record-chart.h"
#include "render/nh-printout.h"

struct _NhRecordPage
{
  AdwBin           parent_instance;

  NhChild         *child;
  NhRecord        *record;
  gboolean         updating;
  gboolean         show_all[NH_RECORD_N_TABLES];

  AdwToastOverlay *toast_overlay;
  NhSaveBanner    *save_banner;      /* above the page, when saving fails */
  AdwPreferencesGroup *infusions_group;
  GtkButton       *same_button;
  GtkButton       *from_episode_button;
  AdwActionRow    *next_due_row;
  GtkSpinButton   *interval_spin;
  AdwEntryRow     *lot_entry;
  GtkListBox      *infusions_list;
  GtkListBox      *illnesses_list;
  GtkListBox      *antibiotics_list;
  GtkListBox      *lab_results_list;
  GtkBox          *illness_chart_box;
  GtkBox          *lab_charts_box;
};

/* The charts show the last twelve months. */
#define CHART_MONTHS 12

G_DEFINE_FINAL_TYPE (NhRecordPage, nh_record_page, ADW_TYPE_BIN)

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static GtkWindow *
parent_window (NhRecordPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (NhRecordPage *self,
            const char   *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What was entered stays on screen and in memory; the banner says so
 * until a save works (at the next change, or with Retry). */
static void
save_failed_cb (NhRecordPage *self,
                const char   *message)
{
  /* Translators: %s says what failed and where, e.g. "Could not save
   * “/home/sam/.local/share/…/record.json”: the disk is full" */
  g_autofree char *text = g_strdup_printf (_("%s. What you entered in the health record is kept "
                                             "while the app is open; it is saved at your next "
                                             "change, or with Retry."),
                                           message);

  nh_save_banner_show (self->save_banner, text);
}

/* A failed save goes in the banner; anything else (a value that does not
 * fit) in a toast, as before. */
static void
show_change_error (NhRecordPage *self,
                   const GError *error)
{
  if (g_error_matches (error, NH_STORE_ERROR, NH_STORE_ERROR_IO))
    save_failed_cb (self, error->message);
  else
    show_error (self, error->message);
}

static void
retry_save_cb (NhRecordPage *self)
{
  g_autoptr(GError) error = NULL;

  if (nh_record_save (self->record, &error))
    {
      nh_save_banner_hide (self->save_banner);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Health record saved")));
    }
  else
    show_change_error (self, error);
}

static void
open_dialog (NhRecordPage        *self,
             NhRecordTable        table,
             const char          *entry_id,
             const char * const  *values)
{
  NhChecklistState *state = table == NH_RECORD_ILLNESSES ? nh_child_get_checklist_state (self->child, NULL) : NULL;
  NhRecordEntryDialog *dialog = nh_record_entry_dialog_new (parent_window (self), self->record, table,
                                                            entry_id, values, state);

  g_signal_connect_object (dialog, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M");
}

/* A new entry starts with today, and a lab result with the last test's
 * name, unit and target range (or the IgG trough level, with no range). */
static GStrv
dup_new_values (NhRecordPage  *self,
                NhRecordTable  table)
{
  guint n_columns;
  const NhRecordColumn *columns = nh_record_get_columns (table, &n_columns);
  GStrv values = g_new0 (char *, n_columns + 1);
  guint n = nh_record_get_n_entries (self->record, table);

  for (guint i = 0; i < n_columns; i++)
    values[i] = g_strdup ("");

  g_free (values[0]);
  values[0] = columns[0].kind == NH_COLUMN_DATE_TIME ? now_text () : today_iso ();

  if (table == NH_RECORD_LAB_RESULTS)
    {
      const NhRecordEntry *last = n > 0 ? nh_record_get_entry (self->record, table, n - 1) : NULL;
      static const char * const kept[] = { "test", "unit", "target_low", "target_high" };

      for (guint k = 0; k < G_N_ELEMENTS (kept); k++)
        {
          int column = nh_record_find_column (table, kept[k]);

          g_free (values[column]);
          values[column] = g_strdup (last != NULL ? last->values[column] : "");
        }
      if (last == NULL)
        {
          int column = nh_record_find_column (table, "test");

          g_free (values[column]);
          values[column] = g_strdup (_("IgG trough level"));
        }
    }

  return values;
}

void
nh_record_page_add (NhRecordPage  *self,
                    NhRecordTable  table)
{
  g_auto(GStrv) values = NULL;

  g_return_if_fail (NH_IS_RECORD_PAGE (self));

  values = dup_new_values (self, table);
  open_dialog (self, table, NULL, (const char * const *)values);
}

/* The last infusion's product, route, dose and the rest, now; the family
 * changes what differs (the lot, most often) and saves. */
void
nh_record_page_same_as_last (NhRecordPage *self)
{
  const NhRecordEntry *last;
  guint n_columns;
  g_auto(GStrv) values = NULL;

  g_return_if_fail (NH_IS_RECORD_PAGE (self));

  if ((last = nh_record_get_last_infusion (self->record)) == NULL)
    {
      nh_record_page_add (self, NH_RECORD_INFUSIONS);
      return;
    }

  nh_record_get_columns (NH_RECORD_INFUSIONS, &n_columns);
  values = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    values[i] = g_strdup (last->values[i]);
  g_free (values[0]);
  values[0] = now_text ();
  /* A reaction or a note was about that day. */
  g_free (values[nh_record_find_column (NH_RECORD_INFUSIONS, "reaction")]);
  values[nh_record_find_column (NH_RECORD_INFUSIONS, "reaction")] = g_strdup ("");
  g_free (values[nh_record_find_column (NH_RECORD_INFUSIONS, "notes")]);
  values[nh_record_find_column (NH_RECORD_INFUSIONS, "notes")] = g_strdup ("");

  open_dialog (self, NH_RECORD_INFUSIONS, NULL, (const char * const *)values);
}

/* The episode an illness is most likely to come from: the one under way,
 * else the last one kept. */
static NhEpisode *
latest_episode (NhRecordPage *self)
{
  NhChecklistState *state = nh_child_get_checklist_state (self->child, NULL);
  GListModel *archive;
  NhEpisode *current;

  if (state == NULL)
    return NULL;

  current = nh_checklist_state_get_current (state);
  if (!nh_episode_is_empty (current))
    return g_object_ref (current);

  archive = nh_checklist_state_get_archive (state);
  for (guint i = 0; i < g_list_model_get_n_items (archive); i++)
    {
      g_autoptr(NhEpisode) episode = g_list_model_get_item (archive, i);

      if (!nh_episode_is_empty (episode))
        return g_steal_pointer (&episode);
    }

  return NULL;
}

static char *
local_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
cut (const char *text,
     guint       max_chars)
{
  return g_utf8_strlen (text, -1) > max_chars ? g_utf8_substring (text, 0, max_chars) : g_strdup (text);
}

/* A checklist episode is an illness: its dates, readings and notes, linked
 * by its id; the family says what it was. */
void
nh_record_page_add_from_episode (NhRecordPage *self)
{
  g_autoptr(NhEpisode) episode = NULL;
  g_autoptr(GString) readings = g_string_new (NULL);
  g_auto(GStrv) values = NULL;
  guint n_columns;
  const NhRecordColumn *columns = nh_record_get_columns (NH_RECORD_ILLNESSES, &n_columns);

  g_return_if_fail (NH_IS_RECORD_PAGE (self));

  if ((episode = latest_episode (self)) == NULL)
    {
      nh_record_page_add (self, NH_RECORD_ILLNESSES);
      return;
    }

  for (guint i = 0; i < nh_episode_get_n_readings (episode); i++)
    {
      if (readings->len > 0)
        g_string_append (readings, "; ");
      g_string_append (readings, nh_episode_get_reading_value (episode, i));
    }

  values = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *id = columns[c].id;

      if (g_str_equal (id, "onset"))
        values[c] = local_date (nh_episode_get_started_at (episode));
      else if (g_str_equal (id, "end"))
        values[c] = local_date (nh_episode_get_ended_at (episode));
      else if (g_str_equal (id, "temperatures"))
        values[c] = cut (readings->str, columns[c].max_chars);
      else if (g_str_equal (id, "notes"))
        values[c] = cut (nh_episode_get_notes (episode), columns[c].max_chars);
      else if (g_str_equal (id, "episode_id"))
        values[c] = g_strdup (nh_episode_get_id (episode));
      else
        values[c] = g_strdup ("");
    }

  open_dialog (self, NH_RECORD_ILLNESSES, NULL, (const char * const *)values);
}

static void from_episode_cb (NhRecordPage *self) { nh_record_page_add_from_episode (self); }
static void same_as_last_cb (NhRecordPage *self) { nh_record_page_same_as_last (self); }
static void add_infusion_cb (NhRecordPage *self) { nh_record_page_add (self, NH_RECORD_INFUSIONS); }
static void add_illness_cb (NhRecordPage *self) { nh_record_page_add (self, NH_RECORD_ILLNESSES); }
static void add_antibiotic_cb (NhRecordPage *self) { nh_record_page_add (self, NH_RECORD_ANTIBIOTICS); }
static void add_lab_result_cb (NhRecordPage *self) { nh_record_page_add (self, NH_RECORD_LAB_RESULTS); }

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static char *
dup_shown_time (const char *time)
{
  char *shown = g_strdup (time);

  if (strlen (shown) == 16)
    shown[10] = ' ';

  return shown;
}

/* Each value set apart for right-to-left text: dates and numbers run left
 * to right, typed text in its own direction (first strong isolate). */
static const char *
isolate (GPtrArray  *keep,
         const char *text,
         gboolean    ltr)
{
  char *isolated;

  if (*text == '\0')
    return text;

  isolated = g_strconcat (ltr ? "\u2066" : "\u2068", text, "\u2069", NULL);
  g_ptr_array_add (keep, isolated);

  return isolated;
}

#define value_of(entry, table, column) value_isolated (keep, entry, table, column)

static const char *
value_isolated (GPtrArray           *keep,
                const NhRecordEntry *entry,
                NhRecordTable        table,
                const char          *column)
{
  const NhRecordColumn *columns = nh_record_get_columns (table, NULL);
  int position = nh_record_find_column (table, column);
  NhColumnKind kind = columns[position].kind;

  return isolate (keep, entry->values[position],
                  kind == NH_COLUMN_DATE || kind == NH_COLUMN_DATE_TIME || kind == NH_COLUMN_NUMBER);
}

static const char *
choice_of (const NhRecordEntry *entry,
           NhRecordTable        table,
           const char          *column)
{
  const NhRecordColumn *columns = nh_record_get_columns (table, NULL);

  return nh_record_choice_label (&columns[nh_record_find_column (table, column)],
                                 nh_record_entry_get (entry, table, column));
}

/* "7.5 g/L", "7.5" */
static char *
dup_amount (const char *value,
            const char *unit)
{
  if (*value == '\0')
    return g_strdup ("");
  if (*unit == '\0')
    return g_strdup (value);

  /* Translators: a number and the unit the family typed: "7.5 g/L" */
  return g_strdup_printf (_("%s %s"), value, unit);
}

static void
describe (const NhRecordEntry *entry,
          NhRecordTable        table,
          char               **title_out,
          char               **subtitle_out)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);

  switch (table)
    {
    case NH_RECORD_INFUSIONS:
      {
        g_autofree char *time = dup_shown_time (nh_record_entry_get (entry, table, "time"));

        g_autofree char *dose = dup_amount (nh_record_entry_get (entry, table, "dose"),
                                            nh_record_entry_get (entry, table, "dose_unit"));
        g_autofree char *lots = NULL;
        g_autofree char *reaction = NULL;

        append_part (title, isolate (keep, time, TRUE));
        append_part (title, value_of (entry, table, "product"));
        append_part (subtitle, isolate (keep, dose, TRUE));
        append_part (subtitle, choice_of (entry, table, "route"));
        if (*nh_record_entry_get (entry, table, "lots") != '\0')
          /* Translators: the lot numbers of an infusion */
          lots = g_strdup_printf (_("Lot %s"), value_of (entry, table, "lots"));
        append_part (subtitle, lots);
        if (*nh_record_entry_get (entry, table, "reaction") != '\0')
          /* Translators: the reaction the family wrote down */
          reaction = g_strdup_printf (_("Reaction: %s"), value_of (entry, table, "reaction"));
        append_part (subtitle, reaction);
      }
      break;

    case NH_RECORD_ILLNESSES:
      {
        g_autofree char *when = NULL;

        if (*nh_record_entry_get (entry, table, "end") != '\0')
          /* Translators: from one date to another */
          when = g_strdup_printf (_("%s to %s"), value_of (entry, table, "onset"), value_of (entry, table, "end"));
        else
          when = g_strdup (value_of (entry, table, "onset"));
        append_part (title, when);
        append_part (title, value_of (entry, table, "what"));
        append_part (subtitle, choice_of (entry, table, "hospital"));
        append_part (subtitle, value_of (entry, table, "antibiotics"));
        append_part (subtitle, value_of (entry, table, "outcome"));
        if (*nh_record_entry_get (entry, table, "episode_id") != '\0')
          append_part (subtitle, _("From the checklist"));
      }
      break;

    case NH_RECORD_ANTIBIOTICS:
      {
        g_autofree char *when = NULL;

        if (*nh_record_entry_get (entry, table, "end") != '\0')
          when = g_strdup_printf (_("%s to %s"), value_of (entry, table, "start"), value_of (entry, table, "end"));
        else
          /* Translators: an antibiotic taken since a date, with no end yet */
          when = g_strdup_printf (_("Since %s"), value_of (entry, table, "start"));
        append_part (title, value_of (entry, table, "drug"));
        append_part (title, choice_of (entry, table, "kind"));
        append_part (subtitle, when);
        append_part (subtitle, value_of (entry, table, "dose"));
      }
      break;

    case NH_RECORD_LAB_RESULTS:
      {
        g_autofree char *value = dup_amount (nh_record_entry_get (entry, table, "value"),
                                             nh_record_entry_get (entry, table, "unit"));
        const char *low = value_of (entry, table, "target_low");
        const char *high = value_of (entry, table, "target_high");

        g_autofree char *target = NULL;

        append_part (title, value_of (entry, table, "date"));
        append_part (title, value_of (entry, table, "test"));
        append_part (subtitle, isolate (keep, value, TRUE));
        if (*low != '\0' && *high != '\0')
          /* Translators: the target range the family or clinic typed */
          target = g_strdup_printf (_("Target %s to %s"), low, high);
        else if (*low != '\0')
          target = g_strdup_printf (_("Target at least %s"), low);
        else if (*high != '\0')
          target = g_strdup_printf (_("Target at most %s"), high);
        append_part (subtitle, target);
      }
      break;

    case NH_RECORD_N_TABLES:
    default:
      g_assert_not_reached ();
    }

  *title_out = g_string_free (g_steal_pointer (&title), FALSE);
  *subtitle_out = g_string_free (g_steal_pointer (&subtitle), FALSE);
}

typedef struct
{
  NhRecordPage  *page;
  NhRecordTable  table;
  char          *id;
} RowAction;

static void
row_action_free (gpointer data,
                 GClosure *closure)
{
  RowAction *action = data;

  g_free (action->id);
  g_free (action);
}

static void
edit_cb (GtkButton *button,
         RowAction *action)
{
  const NhRecordEntry *entry = nh_record_find_entry (action->page->record, action->table, action->id);

  if (entry != NULL)
    open_dialog (action->page, action->table, action->id, (const char * const *)entry->values);
}

static void
undo_delete_cb (AdwToast *toast,
                NhRecordPage *self)
{
  GStrv values = g_object_get_data (G_OBJECT (toast), "values");
  NhRecordTable table = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "table"));
  g_autoptr(GError) error = NULL;

  if (!nh_record_add_entry (self->record, table, (const char * const *)values, NULL, &error))
    show_change_error (self, error);
}

static void
delete_cb (GtkButton *button,
           RowAction *action)
{
  NhRecordPage *self = action->page;
  const NhRecordEntry *entry = nh_record_find_entry (self->record, action->table, action->id);
  g_autoptr(GError) error = NULL;
  guint n_columns;
  GStrv values;
  AdwToast *toast;

  if (entry == NULL)
    return;

  nh_record_get_columns (action->table, &n_columns);
  values = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    values[i] = g_strdup (entry->values[i]);

  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "values", values, (GDestroyNotify)g_strfreev);
  g_object_set_data (G_OBJECT (toast), "table", GUINT_TO_POINTER (action->table));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);

  /* The row goes with the change: the action is freed after this. */
  self = g_object_ref (self);
  if (!nh_record_remove_entry (self->record, action->table, action->id, &error))
    show_change_error (self, error);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_object_unref (self);
}

static GtkWidget *
make_button (const char *icon_name,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return button;
}

static GtkWidget *
make_row (NhRecordPage        *self,
          NhRecordTable        table,
          const NhRecordEntry *entry)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit, *delete;
  RowAction *action;

  describe (entry, table, &title, &subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  /* Translators: the button that edits one entry, named by its summary */
  edit_name = g_strdup_printf (_("Edit %s"), title);
  /* Translators: the button that deletes one entry, named by its summary */
  delete_name = g_strdup_printf (_("Delete %s"), title);
  edit = make_button ("document-edit-symbolic", edit_name);
  delete = make_button ("user-trash-symbolic", delete_name);

  action = g_new0 (RowAction, 1);
  action->page = self;
  action->table = table;
  action->id = g_strdup (entry->id);
  g_signal_connect_data (edit, "clicked", G_CALLBACK (edit_cb), action, row_action_free, 0);
  action = g_new0 (RowAction, 1);
  action->page = self;
  action->table = table;
  action->id = g_strdup (entry->id);
  g_signal_connect_data (delete, "clicked", G_CALLBACK (delete_cb), action, row_action_free, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  return row;
}

static GtkListBox *
list_for (NhRecordPage  *self,
          NhRecordTable  table)
{
  switch (table)
    {
    case NH_RECORD_INFUSIONS: return self->infusions_list;
    case NH_RECORD_ILLNESSES: return self->illnesses_list;
    case NH_RECORD_ANTIBIOTICS: return self->antibiotics_list;
    case NH_RECORD_LAB_RESULTS: return self->lab_results_list;
    case NH_RECORD_N_TABLES:
    default: g_assert_not_reached ();
    }
}

#define SHOWN_FIRST 10

static void fill_list (NhRecordPage  *self,
                       NhRecordTable  table);

static void
show_all_cb (NhRecordPage *self,
             GtkButton    *button)
{
  NhRecordTable table = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "table"));

  self->show_all[table] = TRUE;
  fill_list (self, table);
}

static void
fill_list (NhRecordPage  *self,
           NhRecordTable  table)
{
  GtkListBox *list = list_for (self, table);
  const char *lot = table == NH_RECORD_INFUSIONS ? gtk_editable_get_text (GTK_EDITABLE (self->lot_entry)) : "";
  g_autofree char *lot_stripped = g_strstrip (g_strdup (lot));
  GtkWidget *child;
  guint n = nh_record_get_n_entries (self->record, table);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);

  if (*lot_stripped != '\0')
    {
      g_autoptr(GPtrArray) found = nh_record_find_lot (self->record, lot_stripped);
      g_autofree char *description = NULL;

      for (guint i = 0; i < found->len; i++)
        gtk_list_box_append (list, make_row (self, table, g_ptr_array_index (found, i)));

      if (found->len == 0)
        description = g_strdup_printf (_("No infusion used the lot “%s”."), lot_stripped);
      else
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u infusion used the lot “%s”.",
                                                    "%u infusions used the lot “%s”.", found->len),
                                       found->len, lot_stripped);
      adw_preferences_group_set_description (self->infusions_group, description);
      return;
    }

  if (table == NH_RECORD_INFUSIONS)
    adw_preferences_group_set_description (self->infusions_group, _("Immunoglobulin, as it was given"));

  /* The newest first; ten years of weekly infusions wait for a click. */
  for (guint i = n; i > 0 && (self->show_all[table] || n - i < SHOWN_FIRST); i--)
    gtk_list_box_append (list, make_row (self, table, nh_record_get_entry (self->record, table, i - 1)));

  if (!self->show_all[table] && n > SHOWN_FIRST)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Entry",
                                                             "Show All %u Entries", n), n);

      button = gtk_button_new_with_label (label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "table", GUINT_TO_POINTER (table));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (show_all_cb), self);
      g_object_set_data (G_OBJECT (button), "page", self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (list, row);
    }
}

static void
update_next_due (NhRecordPage *self)
{
  g_autofree char *due_iso = nh_record_dup_next_due (self->record);
  g_autofree char *due = due_iso != NULL ? g_strconcat ("\u2066", due_iso, "\u2069", NULL) : NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *subtitle = NULL;
  guint interval = nh_record_get_interval_days (self->record);

  if (interval == 0)
    subtitle = g_strdup (_("Set the days between infusions your clinic gave you."));
  else if (due == NULL)
    subtitle = g_strdup (_("Add the first infusion to see when the next one is due."));
  else
    {
      GDate d, t;
      int days;

      g_date_clear (&d, 1);
      g_date_clear (&t, 1);
      g_date_set_dmy (&d, atoi (due_iso + 8), atoi (due_iso + 5), atoi (due_iso));
      g_date_set_dmy (&t, atoi (today + 8), atoi (today + 5), atoi (today));
      days = g_date_days_between (&t, &d);

      if (days == 0)
        /* Translators: the next infusion is due on this date, today */
        subtitle = g_strdup_printf (_("%s, today"), due);
      else if (days > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, in %d day", "%s, in %d days", days),
                                    due, days);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d day ago", "%s, %d days ago", -days),
                                    due, -days);
    }

  adw_action_row_set_subtitle (self->next_due_row, subtitle);
}

static void
chart_period (char **from,
              char **to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_months (now, -(CHART_MONTHS - 1));

  *to = g_date_time_format (now, "%Y-%m-%d");
  *from = g_date_time_format (start, "%Y-%m-01");
}

static void
draw_illnesses_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        data)
{
  NhRecordPage *self = data;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  chart_period (&from, &to);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  nh_record_chart_draw_illnesses (cr, width, height, self->record, from, to, _("Illnesses"), _("Infusions"));
}

static void
draw_test_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  NhRecordPage *self = g_object_get_data (G_OBJECT (area), "page");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  nh_record_chart_draw_test (cr, width, height, self->record, data, NULL, NULL, _("Target range"));
}

static GtkWidget *
make_cell (const char *text,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

/* A chart with a table of the same values beside it (below it on a narrow
 * window), which is what a screen reader reads. */
static GtkWidget *
make_chart (GtkWidget  *area,
            const char *name,
            GtkWidget  *table)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 180);
  gtk_widget_set_size_request (area, 300, 180);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_frame_set_child (GTK_FRAME (frame), area);
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), frame);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), table);
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  return flow;
}

static void
fill_charts (NhRecordPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_auto(GStrv) tests = nh_record_chart_dup_tests (self->record, NULL, NULL);
  GtkWidget *child;

  chart_period (&from, &to);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->illness_chart_box))))
    gtk_box_remove (self->illness_chart_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lab_charts_box))))
    gtk_box_remove (self->lab_charts_box, child);

  /* Illnesses per month, with the infusions, over the last twelve months. */
  if (nh_record_get_n_entries (self->record, NH_RECORD_ILLNESSES) > 0 ||
      nh_record_get_n_entries (self->record, NH_RECORD_INFUSIONS) > 0)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      GtkWidget *grid = gtk_grid_new ();
      guint months = nh_record_chart_count_months (from, to);

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_attach (GTK_GRID (grid), make_cell (_("Month"), TRUE), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_cell (_("Illnesses"), TRUE), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_cell (_("Infusions"), TRUE), 2, 0, 1, 1);

      for (guint m = 0; m < months; m++)
        {
          int year = atoi (from) + (atoi (from + 5) - 1 + m) / 12;
          int month = (atoi (from + 5) - 1 + m) % 12 + 1;
          g_autofree char *prefix = g_strdup_printf ("%04d-%02d", year, month);
          guint counts[2] = { 0, 0 };
          g_autofree char *ill = NULL;
          g_autofree char *inf = NULL;

          for (guint t = 0; t < 2; t++)
            {
              NhRecordTable table = t == 0 ? NH_RECORD_ILLNESSES : NH_RECORD_INFUSIONS;

              for (guint i = 0; i < nh_record_get_n_entries (self->record, table); i++)
                if (g_str_has_prefix (nh_record_get_entry (self->record, table, i)->values[0], prefix))
                  counts[t]++;
            }

          ill = g_strdup_printf ("%u", counts[0]);
          inf = g_strdup_printf ("%u", counts[1]);
          gtk_grid_attach (GTK_GRID (grid), make_cell (prefix, FALSE), 0, m + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), make_cell (ill, FALSE), 1, m + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), make_cell (inf, FALSE), 2, m + 1, 1, 1);
        }

      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_illnesses_cb, self, NULL);
      gtk_box_append (self->illness_chart_box,
                      make_chart (area, _("Chart of illnesses per month, with the infusions marked; "
                                          "the table beside it has the same numbers"), grid));
    }

  /* Each test over time, with its target band. */
  for (guint i = 0; tests[i] != NULL; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *title = gtk_label_new (tests[i]);
      g_autofree char *name = g_strdup_printf (_("Chart of %s over time, with the target range; "
                                                 "the table beside it has the same values"), tests[i]);
      guint row = 1;

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_attach (GTK_GRID (grid), make_cell (_("Date"), TRUE), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_cell (_("Value"), TRUE), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_cell (_("Target range"), TRUE), 2, 0, 1, 1);

      for (guint r = 0; r < nh_record_get_n_entries (self->record, NH_RECORD_LAB_RESULTS); r++)
        {
          const NhRecordEntry *entry = nh_record_get_entry (self->record, NH_RECORD_LAB_RESULTS, r);
          const char *low = nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "target_low");
          const char *high = nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "target_high");
          g_autofree char *value = dup_amount (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "value"),
                                               nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "unit"));
          g_autofree char *target = *low != '\0' || *high != '\0' ? g_strdup_printf (_("%s to %s"), low, high)
                                                                   : g_strdup ("");

          if (!g_str_equal (nh_record_entry_get (entry, NH_RECORD_LAB_RESULTS, "test"), tests[i]))
            continue;
          gtk_grid_attach (GTK_GRID (grid), make_cell (entry->values[0], FALSE), 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), make_cell (value, FALSE), 1, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), make_cell (target, FALSE), 2, row, 1, 1);
          row++;
        }

      g_object_set_data (G_OBJECT (area), "page", self);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_test_cb, g_strdup (tests[i]), g_free);
      gtk_box_append (self->lab_charts_box, title);
      gtk_box_append (self->lab_charts_box, make_chart (area, name, grid));
    }
}

typedef struct
{
  NhRecordPage *page;
  char         *from;
  char         *to;
} ReportRequest;

static void
report_request_free (ReportRequest *request)
{
  g_object_unref (request->page);
  g_free (request->from);
  g_free (request->to);
  g_free (request);
}

static void
report_file_cb (GtkNativeDialog *chooser,
                int              response,
                ReportRequest   *request)
{
  NhRecordPage *self = request->page;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  NhApplication *app = NH_APPLICATION (g_application_get_default ());
  NhEdition *edition = nh_application_get_edition (app);

  if (response == GTK_RESPONSE_ACCEPT && edition != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) && (path = g_file_get_path (file)))
    {
      g_autoptr(NhPrintout) report = nh_printout_new_visit_report (self->record, nh_child_get_card (self->child),
                                                                   edition, request->from, request->to);

      if (!nh_printout_write_pdf (report, NULL, path, &error))
        show_error (self, error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (_("The report was saved as %s"), path);

          show_error (self, message);
        }
    }

  g_object_unref (chooser);
  report_request_free (request);
}

static void
report_period_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NhRecordPage     *self)
{
  const NhRecordColumn date_column = { "date", N_("Date"), NH_COLUMN_DATE, 10, TRUE, NULL };
  GtkEditable *from = g_object_get_data (G_OBJECT (dialog), "from");
  GtkEditable *to = g_object_get_data (G_OBJECT (dialog), "to");
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ReportRequest *request;

  if (!g_str_equal (response, "save"))
    return;

  if (!nh_record_check_value (&date_column, gtk_editable_get_text (from), &from_text, &message) ||
      !nh_record_check_value (&date_column, gtk_editable_get_text (to), &to_text, &message) ||
      strcmp (from_text, to_text) > 0)
    {
      show_error (self, message != NULL ? message : _("The period ends before it starts."));
      return;
    }

  request = g_new0 (ReportRequest, 1);
  request->page = g_object_ref (self);
  request->from = g_steal_pointer (&from_text);
  request->to = g_steal_pointer (&to_text);

  chooser = gtk_file_chooser_native_new (_("Save the Report"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name the report is offered as; keep .pdf */
  name = g_strdup_printf (_("report-%s.pdf"), request->to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (report_file_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
make_date_entry (const char *label,
                 const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_editable_set_text (GTK_EDITABLE (row), value);

  return row;
}

/* Which months the immunologist wants to see, then where the PDF goes. */
static void
report_cb (NhRecordPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_before = g_date_time_add_years (now, -1);
  g_autoptr(GDateTime) start = g_date_time_add_days (year_before, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *year_ago = g_date_time_format (start, "%Y-%m-%d");
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), _("Report for the Clinic"),
                                              _("A summary page, the charts, then the infusions, illnesses, "
                                                "antibiotics and lab results of the period as tables, "
                                                "in the printout language."));
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *from_label = g_strdup_printf (_("%s (%s)"), _("From"), _("YYYY-MM-DD"));
  g_autofree char *to_label = g_strdup_printf (_("%s (%s)"), _("To"), _("YYYY-MM-DD"));
  GtkWidget *from = make_date_entry (from_label, year_ago);
  GtkWidget *to = make_date_entry (to_label, today);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), from);
  gtk_list_box_append (GTK_LIST_BOX (list), to);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "from", from);
  g_object_set_data (G_OBJECT (dialog), "to", to);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (report_period_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh (NhRecordPage *self)
{
  g_autofree char *today = today_iso ();

  self->updating = TRUE;
  gtk_spin_button_set_value (self->interval_spin, nh_record_get_interval_days (self->record));
  self->updating = FALSE;

  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    fill_list (self, t);
  fill_charts (self);

  update_next_due (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->same_button), nh_record_get_last_infusion (self->record) != NULL);

  nh_child_update_card_from_record (self->child, today);
}

static void
record_changed_cb (NhRecordPage *self,
                   int           table)
{
  g_autofree char *today = today_iso ();

  /* Every change saves the whole record: one that worked saved the
   * earlier ones too. */
  if (nh_record_get_saved (self->record))
    nh_save_banner_hide (self->save_banner);

  if (table < 0)
    update_next_due (self);
  else
    {
      fill_list (self, table);
      fill_charts (self);
      update_next_due (self);
      gtk_widget_set_sensitive (GTK_WIDGET (self->same_button),
                                nh_record_get_last_infusion (self->record) != NULL);
    }

  nh_child_update_card_from_record (self->child, today);
}

static void
interval_changed_cb (NhRecordPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  if (!nh_record_set_interval_days (self->record, gtk_spin_button_get_value_as_int (self->interval_spin), &error))
    show_change_error (self, error);
}

static void
lot_changed_cb (NhRecordPage *self)
{
  fill_list (self, NH_RECORD_INFUSIONS);
}

static void
nh_record_page_dispose (GObject *object)
{
  NhRecordPage *self = (NhRecordPage *)object;

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);


  G_OBJECT_CLASS (nh_record_page_parent_class)->dispose (object);
}

static void
nh_record_page_finalize (GObject *object)
{
  NhRecordPage *self = (NhRecordPage *)object;

  g_clear_object (&self->record);
  g_clear_object (&self->child);

  G_OBJECT_CLASS (nh_record_page_parent_class)->finalize (object);
}

static void
nh_record_page_class_init (NhRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_record_page_dispose;
  object_class->finalize = nh_record_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/nh-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, infusions_group);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, same_button);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, from_episode_button);
  gtk_widget_class_bind_template_callback (widget_class, from_episode_cb);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, next_due_row);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, lot_entry);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, infusions_list);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, illnesses_list);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, antibiotics_list);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, lab_results_list);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, illness_chart_box);
  gtk_widget_class_bind_template_child (widget_class, NhRecordPage, lab_charts_box);
  gtk_widget_class_bind_template_callback (widget_class, report_cb);
  gtk_widget_class_bind_template_callback (widget_class, same_as_last_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_infusion_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_illness_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_antibiotic_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_lab_result_cb);
  gtk_widget_class_bind_template_callback (widget_class, interval_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lot_changed_cb);
}

static void
nh_record_page_init (NhRecordPage *self)
{
  GtkWidget *page;
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The save banner goes above the scrolling page, always in sight. */
  page = g_object_ref (adw_toast_overlay_get_child (self->toast_overlay));
  adw_toast_overlay_set_child (self->toast_overlay, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->save_banner = NH_SAVE_BANNER (nh_save_banner_new ());
  g_signal_connect_swapped (self->save_banner, "retry", G_CALLBACK (retry_save_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->save_banner));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  g_object_unref (page);
  adw_toast_overlay_set_child (self->toast_overlay, box);

  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    {
      GtkWidget *placeholder = gtk_label_new (_("Nothing written down yet"));

      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 12);
      gtk_widget_set_margin_bottom (placeholder, 12);
      gtk_list_box_set_placeholder (list_for (self, t), placeholder);
    }
}

/* Returns: (transfer floating): the page, or a status page saying why the
 *   record cannot be opened */
GtkWidget *
nh_record_page_new (NhChild *child)
{
  g_autoptr(GError) error = NULL;
  NhRecordPage *self;
  NhRecord *record;

  g_return_val_if_fail (NH_IS_CHILD (child), NULL);

  if ((record = nh_child_get_record (child, &error)) == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Health Record Cannot Be Opened"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      return status;
    }

  self = g_object_new (NH_TYPE_RECORD_PAGE, NULL);
  self->child = g_object_ref (child);
  self->record = g_object_ref (record);
  g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);

  {
    g_autofree char *backup = nh_child_steal_record_backup (child);

    if (backup != NULL)
      {
        g_autofree char *message = g_strdup_printf (_("The saved health record could not be read. "
                                                      "It was kept as %s and a new one was started."),
                                                    backup);
        show_error (self, message);
      }
  }

  return GTK_WIDGET (self);
}

NhChild *
nh_record_page_get_child (NhRecordPage *self)
{
  g_return_val_if_fail (NH_IS_RECORD_PAGE (self), NULL);

  return self->child;
}
