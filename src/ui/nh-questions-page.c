/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-questions-page.c: the questions for the next visit: add, edit, reorder, answer
 *
 * A new question goes in the entry at the top. Each question is a row that
 * opens to edit it, see the handbook sentence it is about (and go there),
 * mark it answered with the answer written in, move it up or down, or
 * remove it. Every change is saved at once (nh_questions_save()); if that
 * fails the page says so and keeps what was typed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-questions-page.h"

struct _NhQuestionsPage
{
  AdwBin       parent_instance;
  NhQuestions *questions;
  NhEdition   *edition;
  GPtrArray   *rows;
  guint        expanded;     /* the row to keep open after a rebuild, or G_MAXUINT */

  /* Template children */
  AdwEntryRow          *new_entry;
  AdwPreferencesGroup  *list_group;
};

G_DEFINE_FINAL_TYPE (NhQuestionsPage, nh_questions_page, ADW_TYPE_BIN)

static void rebuild (NhQuestionsPage *self);

static void
save (NhQuestionsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nh_questions_save (self->questions, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Questions Not Saved"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static guint
position_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "nh-position"));
}

static void
set_position (gpointer widget,
              guint    position)
{
  g_object_set_data (G_OBJECT (widget), "nh-position", GUINT_TO_POINTER (position));
}

static void
add_cb (NhQuestionsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_entry))));

  if (*text == '\0')
    return;

  if (!nh_questions_add (self->questions, text, NULL, NULL, 0))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
  save (self);
  rebuild (self);
}

static void
text_applied_cb (AdwEntryRow     *row,
                 NhQuestionsPage *self)
{
  self->expanded = position_of (row);
  nh_questions_set_text (self->questions, position_of (row), gtk_editable_get_text (GTK_EDITABLE (row)));
  save (self);
  rebuild (self);
}

static void
answer_applied_cb (AdwEntryRow     *row,
                   NhQuestionsPage *self)
{
  const NhQuestion *question = nh_questions_get (self->questions, position_of (row));
  const char *answer = gtk_editable_get_text (GTK_EDITABLE (row));

  if (question == NULL)
    return;

  /* Writing an answer in marks the question answered. */
  self->expanded = position_of (row);
  nh_questions_set_answer (self->questions, position_of (row),
                           question->answered || *answer != '\0', answer);
  save (self);
  rebuild (self);
}

static void
answered_toggled_cb (GtkCheckButton  *check,
                     NhQuestionsPage *self)
{
  const NhQuestion *question = nh_questions_get (self->questions, position_of (check));

  if (question == NULL || question->answered == gtk_check_button_get_active (check))
    return;

  self->expanded = position_of (check);
  nh_questions_set_answer (self->questions, position_of (check),
                           gtk_check_button_get_active (check), question->answer);
  save (self);
  rebuild (self);
}

static void
move_cb (GtkButton       *button,
         NhQuestionsPage *self)
{
  guint from = position_of (button);
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "nh-step"));
  guint to = (guint)((int)from + step);

  if ((int)from + step < 0 || to >= nh_questions_get_n (self->questions))
    return;

  nh_questions_move (self->questions, from, to);
  self->expanded = to;
  save (self);
  rebuild (self);
}

static void
remove_cb (GtkButton       *button,
           NhQuestionsPage *self)
{
  nh_questions_remove (self->questions, position_of (button));
  self->expanded = G_MAXUINT;
  save (self);
  rebuild (self);
}

static void
open_place_cb (GtkButton       *button,
               NhQuestionsPage *self)
{
  const NhQuestion *question = nh_questions_get (self->questions, position_of (button));

  if (question == NULL || question->section_id == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-place", "(su)",
                              question->section_id, question->block);
}

static GtkWidget *
action_button (const char *icon_name,
               const char *tooltip,
               guint       position)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  set_position (button, position);

  return button;
}

static GtkWidget *
question_row (NhQuestionsPage  *self,
              const NhQuestion *question,
              guint             i,
              guint             n)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *text = adw_entry_row_new ();
  GtkWidget *answered_row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *answer = adw_entry_row_new ();
  GtkWidget *tools = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *number = g_strdup_printf ("%u", i + 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
  if (question->answered)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                   *question->answer != '\0' ? question->answer : _("Answered"));
  else if (question->quote != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), question->quote);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_label_new (number));
  if (question->answered)
    {
      GtkWidget *done = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answered"), -1);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), done);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text), _("Question"));
  gtk_editable_set_text (GTK_EDITABLE (text), question->text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (text), TRUE);
  set_position (text, i);
  g_signal_connect_object (text, "apply", G_CALLBACK (text_applied_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text);

  if (question->quote != NULL)
    {
      GtkWidget *quote = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (quote), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (quote), _("From the handbook"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (quote), question->quote);
      if (question->section_id != NULL)
        {
          button = action_button ("go-next-symbolic", _("Show in the handbook"), i);
          g_signal_connect_object (button, "clicked", G_CALLBACK (open_place_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (quote), button);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), quote);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answered_row), _("Answered"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), question->answered);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  set_position (check, i);
  g_signal_connect_object (check, "toggled", G_CALLBACK (answered_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (answered_row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (answered_row), check);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answered_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer), _("Answer"));
  gtk_editable_set_text (GTK_EDITABLE (answer), question->answer);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (answer), TRUE);
  set_position (answer, i);
  g_signal_connect_object (answer, "apply", G_CALLBACK (answer_applied_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answer);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tools), _("Order"));
  button = action_button ("go-up-symbolic", _("Move up"), i);
  g_object_set_data (G_OBJECT (button), "nh-step", GINT_TO_POINTER (-1));
  gtk_widget_set_sensitive (button, i > 0);
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (tools), button);
  button = action_button ("go-down-symbolic", _("Move down"), i);
  g_object_set_data (G_OBJECT (button), "nh-step", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (button, i + 1 < n);
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (tools), button);
  button = action_button ("user-trash-symbolic", _("Remove"), i);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (tools), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), tools);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), self->expanded == i);

  return row;
}

static void
rebuild (NhQuestionsPage *self)
{
  guint n = nh_questions_get_n (self->questions);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = question_row (self, nh_questions_get (self->questions, i), i, n);

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }

  adw_preferences_group_set_description (self->list_group,
                                         n == 0 ? _("No questions yet.") : NULL);
}

static void
nh_questions_page_dispose (GObject *object)
{
  NhQuestionsPage *self = (NhQuestionsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NH_TYPE_QUESTIONS_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->questions);
  g_clear_object (&self->edition);

  G_OBJECT_CLASS (nh_questions_page_parent_class)->dispose (object);
}

static void
nh_questions_page_class_init (NhQuestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_questions_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-questions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NhQuestionsPage, new_entry);
  gtk_widget_class_bind_template_child (widget_class, NhQuestionsPage, list_group);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
}

static void
nh_questions_page_init (NhQuestionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->expanded = G_MAXUINT;
}

NhQuestionsPage *
nh_questions_page_new (NhQuestions *questions,
                       NhEdition   *edition)
{
  NhQuestionsPage *self;

  g_return_val_if_fail (NH_IS_QUESTIONS (questions), NULL);

  self = g_object_new (NH_TYPE_QUESTIONS_PAGE, NULL);
  self->questions = g_object_ref (questions);
  self->edition = edition ? g_object_ref (edition) : NULL;
  rebuild (self);

  return self;
}

/* After a question was added elsewhere ("Ask at the Next Visit"). */
void
nh_questions_page_reload (NhQuestionsPage *self)
{
  g_return_if_fail (NH_IS_QUESTIONS_PAGE (self));

  self->expanded = G_MAXUINT;
  rebuild (self);
}
