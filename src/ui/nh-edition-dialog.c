/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition-dialog.c: what an edition file is, before it is installed
 *
 * Shows who made an edition, its language, version and review, and what
 * the check found; an edition with errors is refused with the list of
 * them, in words the group that made it can act on. All of the edition's
 * text is plain text: labels and rows never read it as markup.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-accessible.h"
#include "nh-edition-dialog.h"
#include "nh-preferences-window.h"
#include "nh-window.h"

struct _NhEditionDialog
{
  AdwWindow          parent_instance;

  NhApplication     *application;
  GCancellable      *cancellable;
  GBytes            *bytes;
  char              *name;        /* of the file, for messages */
  NhEdition         *edition;     /* checked, not yet installed */
  GPtrArray         *problems;
  char              *website;     /* opened only on a click */

  /* Template children */
  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *install_button;
  GtkStack          *stack;
  GtkLabel          *progress_label;
  GtkLabel          *title_label;
  GtkLabel          *stamp_label;
  AdwActionRow      *publisher_row;
  AdwActionRow      *contact_row;
  AdwActionRow      *website_row;
  GtkWidget         *website_button;
  AdwActionRow      *language_row;
  AdwActionRow      *version_row;
  AdwActionRow      *review_row;
  AdwActionRow      *last_reviewed_row;
  AdwActionRow      *based_on_row;
  AdwActionRow      *contents_row;
  AdwPreferencesGroup *warnings_group;
  GtkLabel          *replace_label;
  GtkLabel          *refused_label;
  AdwPreferencesGroup *errors_group;
  AdwPreferencesGroup *refused_warnings_group;
  AdwStatusPage     *failed_page;
};

G_DEFINE_FINAL_TYPE (NhEditionDialog, nh_edition_dialog, ADW_TYPE_WINDOW)

static void
show_page (NhEditionDialog *self,
           const char      *page)
{
  gboolean preview = g_str_equal (page, "preview");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->install_button), preview);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.install", preview);
  gtk_button_set_label (self->cancel_button,
                        preview || g_str_equal (page, "loading") ? _("_Cancel") : _("_Close"));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self->cancel_button));
}

/* A row of plain text; a row with nothing to say is hidden. */
static void
set_row (AdwActionRow *row,
         const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL && *text != '\0');
  adw_action_row_set_subtitle (row, text ? text : "");
}

static GtkWidget *
problem_row (const NhEditionProblem *problem)
{
  g_autofree char *text = nh_edition_problem_describe (problem);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

/* Adds the problems of @severity to @group; returns how many. */
static guint
add_problems (NhEditionDialog     *self,
              AdwPreferencesGroup *group,
              NhProblemSeverity    severity)
{
  guint n = 0;

  for (guint i = 0; i < self->problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (self->problems, i);

      if (problem->severity != severity)
        continue;

      adw_preferences_group_add (group, problem_row (problem));
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (group), n > 0);

  return n;
}

static void
show_failed (NhEditionDialog *self,
             const char      *title,
             const char      *message)
{
  /* The description of a status page is markup; the message may hold a
   * file name or an id from the edition. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_title (self->failed_page, title);
  adw_status_page_set_description (self->failed_page, escaped);
  show_page (self, "failed");
}

static void
show_refused (NhEditionDialog *self)
{
  g_autofree char *text = NULL;
  guint n_errors;

  n_errors = add_problems (self, self->errors_group, NH_PROBLEM_ERROR);
  add_problems (self, self->refused_warnings_group, NH_PROBLEM_WARNING);

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” has %u mistake that must be fixed before the app can show it. "
                                       "Send this list to the group that made it.",
                                       "“%s” has %u mistakes that must be fixed before the app can show it. "
                                       "Send this list to the group that made it.",
                                       n_errors),
                          self->name, n_errors);
  gtk_label_set_text (self->refused_label, text);
  show_page (self, "refused");
}

static char *
dup_language_text (const char *language)
{
  const char *name = nh_language_get_native_name (language);

  if (g_str_equal (name, language))
    return g_strdup (language);

  /* Translators: a language in its own words and its code, e.g. "Deutsch (de)" */
  return g_strdup_printf (_("%s (%s)"), name, language);
}

static char *
dup_review_text (NhEdition *edition)
{
  const char *by = nh_edition_get_reviewed_by (edition);
  const char *on = nh_edition_get_reviewed_on (edition);

  if (by != NULL && on != NULL)
    /* Translators: who checked the medical text, and the date (YYYY-MM-DD) */
    return g_strdup_printf (_("%s, on %s"), by, on);
  if (by != NULL)
    return g_strdup (by);
  if (on != NULL)
    /* Translators: %s is a date written YYYY-MM-DD */
    return g_strdup_printf (_("On %s, by someone the edition does not name"), on);

  return g_strdup (_("Not reviewed"));
}

static char *
dup_contents_text (NhEdition *edition)
{
  guint n = nh_edition_get_n_sections (edition);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: followed by the titles of the sections */
  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u section: ", "%u sections: ", n), n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the titles of two sections */
        g_string_append (text, _(", "));
      g_string_append (text, nh_section_get_title (nh_edition_get_section (edition, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_preview (NhEditionDialog *self)
{
  NhEdition *edition = self->edition;
  NhEditionLibrary *library = nh_application_get_edition_library (self->application);
  g_autoptr(NhEditionInfo) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = nh_edition_dup_stamp (edition);
  g_autofree char *language = dup_language_text (nh_edition_get_language (edition));
  g_autofree char *review = dup_review_text (edition);
  g_autofree char *contents = dup_contents_text (edition);
  const char *website = nh_edition_get_publisher_website (edition);

  if (!nh_edition_library_check_id (library, nh_edition_get_id (edition), &error))
    {
      show_failed (self, _("This Edition Cannot Be Installed"), error->message);
      return;
    }

  gtk_label_set_text (self->title_label, nh_edition_get_title (edition));
  gtk_label_set_text (self->stamp_label, stamp);

  set_row (self->publisher_row, nh_edition_get_publisher (edition));
  if (nh_edition_get_publisher (edition) == NULL)
    set_row (self->publisher_row, _("Not said"));
  set_row (self->contact_row, nh_edition_get_publisher_contact (edition));
  set_row (self->website_row, website);
  g_free (self->website);
  self->website = NULL;
  if (website != NULL && (g_str_has_prefix (website, "https://") || g_str_has_prefix (website, "http://")))
    self->website = g_strdup (website);
  gtk_widget_set_visible (self->website_button, self->website != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edition.open-website", self->website != NULL);

  set_row (self->language_row, language);
  set_row (self->version_row, nh_edition_get_version (edition));
  set_row (self->review_row, review);
  set_row (self->last_reviewed_row, nh_edition_get_last_reviewed (edition));
  set_row (self->based_on_row, nh_edition_get_based_on (edition));
  if (nh_edition_get_based_on_title (edition) != NULL)
    {
      /* Translators: what an edition adapts: "NEMO Handbook (nemo-handbook-en 1.0)" */
      g_autofree char *based_on = g_strdup_printf (_("%s (%s)"), nh_edition_get_based_on_title (edition),
                                                   nh_edition_get_based_on (edition));

      set_row (self->based_on_row, based_on);
    }
  set_row (self->contents_row, contents);

  add_problems (self, self->warnings_group, NH_PROBLEM_WARNING);

  installed = nh_edition_library_find (library, nh_edition_get_id (edition));
  if (installed != NULL)
    {
      g_autofree char *text = NULL;

      if (installed->version != NULL)
        text = g_strdup_printf (_("Version %s of this edition is installed already. "
                                  "Installing this file replaces it."), installed->version);
      else
        text = g_strdup (_("This edition is installed already. Installing this file replaces it."));
      gtk_label_set_text (self->replace_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->replace_label), TRUE);
    }

  show_page (self, "preview");
}

/* What the check in a thread gives back. */
typedef struct
{
  NhEdition *edition;
  GPtrArray *problems;
} Checked;

static void
checked_free (gpointer data)
{
  Checked *checked = data;

  g_clear_object (&checked->edition);
  g_clear_pointer (&checked->problems, g_ptr_array_unref);
  g_free (checked);
}

/* Parsing and checking a large edition takes a while: not on the main
 * thread, so the window keeps drawing and Cancel works. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Checked *checked = g_new0 (Checked, 1);

  checked->problems = nh_edition_check_bytes (task_data, &checked->edition);
  g_task_return_pointer (task, checked, checked_free);
}

static void show_checked (NhEditionDialog *self);

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  NhEditionDialog *self = NH_EDITION_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Checked *checked;

  /* Cancelled: the dialog is closing, nothing to show. */
  if (!(checked = g_task_propagate_pointer (G_TASK (result), &error)))
    return;

  self->problems = g_steal_pointer (&checked->problems);
  self->edition = g_steal_pointer (&checked->edition);
  checked_free (checked);
  show_checked (self);
}

static void
read_file_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(NhEditionDialog) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (!(bytes = nh_edition_library_read_file_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failed (self, _("The File Cannot Be Read"), error->message);
      return;
    }

  g_return_if_fail (self->problems == NULL);
  self->bytes = g_bytes_ref (bytes);
  gtk_label_set_text (self->progress_label, _("Checking the edition…"));

  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, read_file_cb);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify)g_bytes_unref);
  /* Cancel answers at once; the thread's result is then dropped. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, check_thread);
}

static void
install_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  NhEditionDialog *self = NH_EDITION_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!nh_edition_dialog_install (self, &error))
    show_failed (self, _("The Edition Could Not Be Installed"), error->message);
}

static void
open_website_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  NhEditionDialog *self = NH_EDITION_DIALOG (widget);

  if (self->website != NULL)
    gtk_show_uri (GTK_WINDOW (self), self->website, GDK_CURRENT_TIME);
}

/* For the group that made the edition: every problem, one per line. */
static void
copy_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  NhEditionDialog *self = NH_EDITION_DIALOG (widget);
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->problems == NULL)
    return;

  for (guint i = 0; i < self->problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (self->problems, i);
      g_autofree char *line = nh_edition_problem_describe (problem);

      g_string_append_printf (text, "%s: %s: %s\n", self->name,
                              problem->severity == NH_PROBLEM_ERROR ? _("error") : _("warning"),
                              line);
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
}

static void
nh_edition_dialog_dispose (GObject *object)
{
  NhEditionDialog *self = (NhEditionDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NH_TYPE_EDITION_DIALOG);

  G_OBJECT_CLASS (nh_edition_dialog_parent_class)->dispose (object);
}

static void
nh_edition_dialog_finalize (GObject *object)
{
  NhEditionDialog *self = (NhEditionDialog *)object;

  g_clear_object (&self->application);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->edition);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->website, g_free);

  G_OBJECT_CLASS (nh_edition_dialog_parent_class)->finalize (object);
}

static void
nh_edition_dialog_class_init (NhEditionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_edition_dialog_dispose;
  object_class->finalize = nh_edition_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-edition-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, install_button);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, stamp_label);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, website_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, website_button);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, version_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, last_reviewed_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, based_on_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, contents_row);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, replace_label);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, refused_label);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, refused_warnings_group);
  gtk_widget_class_bind_template_child (widget_class, NhEditionDialog, failed_page);

  gtk_widget_class_install_action (widget_class, "edition.install", NULL, install_action);
  gtk_widget_class_install_action (widget_class, "edition.open-website", NULL, open_website_action);
  gtk_widget_class_install_action (widget_class, "edition.copy-problems", NULL, copy_problems_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nh_edition_dialog_init (NhEditionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  show_page (self, "loading");
}

NhEditionDialog *
nh_edition_dialog_new (NhApplication *application)
{
  NhEditionDialog *self;

  g_return_val_if_fail (NH_IS_APPLICATION (application), NULL);

  self = g_object_new (NH_TYPE_EDITION_DIALOG, NULL);
  self->application = g_object_ref (application);

  return self;
}

/* Reads @file in a thread, then shows what it is. */
void
nh_edition_dialog_load_file (NhEditionDialog *self,
                             GFile           *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_if_fail (NH_IS_EDITION_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_free (self->name);
  self->name = g_file_get_basename (file);
  if (self->name == NULL)
    self->name = g_file_get_parse_name (file);
  adw_window_title_set_subtitle (self->window_title, self->name);

  show_page (self, "loading");
  gtk_label_set_text (self->progress_label, _("Reading the file…"));
  nh_edition_library_read_file_async (file, self->cancellable, read_file_cb, g_object_ref (self));
}

/* Checks an edition and shows what it is, or why it cannot be used. */
void
nh_edition_dialog_load_bytes (NhEditionDialog *self,
                              GBytes          *bytes,
                              const char      *name)
{
  g_return_if_fail (NH_IS_EDITION_DIALOG (self));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (name != NULL);

  /* Loaded once per dialog: the lists of problems are not cleared. */
  g_return_if_fail (self->problems == NULL);

  if (name != self->name)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      adw_window_title_set_subtitle (self->window_title, self->name);
    }

  self->bytes = g_bytes_ref (bytes);
  self->problems = nh_edition_check_bytes (bytes, &self->edition);
  show_checked (self);
}

static void
show_checked (NhEditionDialog *self)
{
  if (self->edition == NULL)
    show_refused (self);
  else
    show_preview (self);
}

/* Returns: "loading", "preview", "refused" or "failed" */
const char *
nh_edition_dialog_get_page (NhEditionDialog *self)
{
  g_return_val_if_fail (NH_IS_EDITION_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * nh_edition_dialog_install:
 *
 * What "Install and Use" does: installs the edition, shows it in every
 * window, says so in the window below, and closes the dialog.
 */
gboolean
nh_edition_dialog_install (NhEditionDialog  *self,
                           GError          **error)
{
  NhEditionLibrary *library;
  g_autoptr(NhEdition) edition = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent;

  g_return_val_if_fail (NH_IS_EDITION_DIALOG (self), FALSE);
  g_return_val_if_fail (self->bytes != NULL && self->edition != NULL, FALSE);

  library = nh_application_get_edition_library (self->application);
  if (!(edition = nh_edition_library_install (library, self->bytes, NULL, error)))
    return FALSE;

  nh_application_use_edition (self->application, nh_edition_get_id (edition));

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (NH_IS_WINDOW (parent))
    {
      const char *publisher = nh_edition_get_publisher (edition);

      /* A toast's title is markup. Groups often keep the app's title, so
       * the group's name says more. */
      if (publisher != NULL)
        {
          escaped = g_markup_escape_text (publisher, -1);
          /* Translators: %s is the name of the group that made the edition */
          message = g_strdup_printf (_("Now showing the edition by %s"), escaped);
        }
      else
        {
          escaped = g_markup_escape_text (nh_edition_get_title (edition), -1);
          /* Translators: %s is the title of the edition just installed */
          message = g_strdup_printf (_("Now showing “%s”"), escaped);
        }
      nh_window_add_toast (NH_WINDOW (parent), adw_toast_new (message));
    }

  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}
