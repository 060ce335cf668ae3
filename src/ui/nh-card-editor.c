/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-editor.c: the emergency card page: form, live preview, print
 *
 * The form is made from the card's field table: a row per field, grouped
 * as the table says, with a counter near the length cap, a copy button on
 * phone numbers and, under a field whose text is not right, a row saying
 * what is wrong in plain words. What was typed stays in the field and in
 * the card either way. The preview beside the form is the printed card,
 * drawn by the same code as the print and the PDF.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-accessible.h"
#include "nh-card-editor-private.h"
#include "model/nh-catalog.h"
#include "nh-preferences-window.h"
#include "nh-print.h"
#include "render/nh-card-render.h"
#include "render/nh-lock-screen.h"
#include "nh-save-banner.h"
#include "nh-toast.h"

/* New mistakes show once typing pauses, so a half-typed date is not red. */
#define CHECK_DELAY_MS 700
#define PREVIEW_WIDTH  290
#define PREVIEW_PAD    4

typedef struct
{
  NhCardEditor      *editor;
  const NhCardField *field;
  GtkWidget         *row;          /* AdwEntryRow, or an AdwPreferencesRow around a text view */
  GtkWidget         *input;        /* where the text is typed */
  GtkTextBuffer     *buffer;       /* for a text view */
  GtkLabel          *counter;
  GtkWidget         *copy_button;
  GtkWidget         *message_row;
  GtkLabel          *message;
  guint              check_source;
  gboolean           updating;
} FieldRow;

struct _NhCardEditor
{
  AdwBin                parent_instance;

  NhCard               *card;
  NhEdition            *edition;
  GHashTable           *fields;       /* field id -> FieldRow */
  AdwExpanderRow       *contacts[NH_CARD_MAX_CONTACTS];
  NhCardRender         *render;       /* for the preview; remade after a change */
  NhCardView           *staff_view;   /* weak */
  guint                 status_source;

  /* Template children */
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  NhSaveBanner         *save_banner;
  AdwLeaflet           *leaflet;
  GtkWidget            *form_page;
  GtkWidget            *preview_page;
  AdwPreferencesGroup  *child_group;
  AdwPreferencesGroup  *centre_group;
  AdwPreferencesGroup  *contacts_group;
  AdwPreferencesGroup  *doctor_group;
  AdwPreferencesGroup  *ig_group;
  AdwPreferencesGroup  *medicines_group;
  AdwPreferencesGroup  *staff_group;
  AdwComboRow          *paper_row;
  GtkWidget            *print_button;
  AdwComboRow          *second_language_row;
  GStrv                 second_languages;  /* codes, in the row's order */
  GtkSwitch            *qr_switch;
  GtkDrawingArea       *front_area;
  GtkDrawingArea       *back_area;
  GtkLabel             *status_label;
  GtkButton            *preview_button;
  AdwPreferencesGroup  *lock_screen_group;
  AdwComboRow          *lock_size_row;
  AdwActionRow         *lock_save_row;
  GtkFileChooserNative *lock_chooser;
};

/* In the order of the lock-screen size row's list. */
static const struct {
  int width, height;
} lock_sizes[] = { { 1080, 2340 }, { 1170, 2532 }, { 1080, 1920 } };

G_DEFINE_FINAL_TYPE (NhCardEditor, nh_card_editor, ADW_TYPE_BIN)

/* In the order of the paper row's list. */
static const char * const paper_ids[] = { "id1", "a4", "letter", "a6" };

static void update_field (FieldRow *row,
                          gboolean  show_now);

static void
toast (NhCardEditor *self,
       const char   *message)
{
  nh_toast_show_message (GTK_WIDGET (self), message);
}

static void
show_notice (NhCardEditor *self,
             const char   *message)
{
  gtk_label_set_text (self->notice_label, message);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
}

static NhCardRender *
ensure_render (NhCardEditor *self)
{
  if (self->render == NULL)
    self->render = nh_card_render_new (self->card, self->edition,
                                       nh_paper_lookup (nh_card_get_paper (self->card)), FALSE);

  return self->render;
}

/* One line per size of card: whether the filled card fits it, and if not,
 * which lines move to the second card or page. */
static void
append_fit (NhCardEditor *self,
            GString      *status,
            const char   *paper_id)
{
  gboolean a6 = g_str_equal (paper_id, "a6");
  /* The preview's render when it is for this size (sheets hold wallet
   * cards): planning a full card takes a moment. */
  gboolean same = g_str_equal (nh_card_get_paper (self->card), "a6") == a6;
  g_autoptr(NhCardRender) render = same ? nh_card_render_ref (ensure_render (self))
                                        : nh_card_render_new (self->card, self->edition,
                                                              nh_paper_lookup (paper_id), FALSE);
  NhCardFit fit = nh_card_render_get_fit (render);

  if (status->len > 0)
    g_string_append (status, "\n\n");

  if (fit & NH_CARD_FIT_CUT)
    g_string_append (status, _("Not everything fits on this card: the end of the back is left out, "
                               "with a note saying so. Shorten some text, or print on A6."));
  else if (fit & NH_CARD_FIT_SECOND_CARD)
    {
      g_auto(GStrv) moved = nh_card_render_dup_moved (render);
      g_autofree char *list = g_strjoinv (_(", "), moved);

      if (a6)
        /* Translators: %s is a list of the card's labels: "Other medicines, Notes for staff" */
        g_string_append_printf (status, _("A6 card: a second page holds %s."), list);
      else
        /* Translators: %s is a list of the card's labels: "Other medicines, Notes for staff" */
        g_string_append_printf (status, _("Wallet card: a second card, numbered “2 of 2”, holds %s."), list);
    }
  else if (fit & NH_CARD_FIT_CONTINUED)
    g_string_append (status, a6 ? _("A6 card: everything fits on one page; some lines go on in the other half.")
                                : _("Wallet card: everything fits; some lines go on on the other side."));
  else
    g_string_append (status, a6 ? _("A6 card: everything fits on one page.")
                                : _("Wallet card: everything fits."));
}

static gboolean
update_status_idle (gpointer data)
{
  NhCardEditor *self = data;
  NhCardFit fit = nh_card_render_get_fit (ensure_render (self));
  guint problems = nh_card_count_problems (self->card);
  g_autoptr(GString) status = g_string_new (NULL);

  self->status_source = 0;

  if (problems > 0)
    g_string_append_printf (status,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u entry needs checking. It is kept as typed, and printed so.",
                                         "%u entries need checking. They are kept as typed, and printed so.",
                                         problems),
                            problems);

  /* Live, for every size: whether it fits, and what would move. */
  if (!nh_card_is_empty (self->card))
    {
      append_fit (self, status, "id1");
      append_fit (self, status, "a6");
    }

  if (fit & NH_CARD_FIT_NO_QR)
    {
      if (status->len > 0)
        g_string_append (status, "\n\n");
      g_string_append (status, _("There is too much text for a QR code, so none is printed."));
    }

  gtk_label_set_text (self->status_label, status->str);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status->len > 0);

  return G_SOURCE_REMOVE;
}

static void
update_preview_size (NhCardEditor *self)
{
  double width, height;
  int content_height;

  nh_card_render_get_side_size (ensure_render (self), &width, &height);
  content_height = (int)(PREVIEW_WIDTH * height / width + 0.5) + 2 * PREVIEW_PAD;

  gtk_drawing_area_set_content_width (self->front_area, PREVIEW_WIDTH + 2 * PREVIEW_PAD);
  gtk_drawing_area_set_content_height (self->front_area, content_height);
  gtk_drawing_area_set_content_width (self->back_area, PREVIEW_WIDTH + 2 * PREVIEW_PAD);
  gtk_drawing_area_set_content_height (self->back_area, content_height);
}

/* The card changed: draw it again, and say soon whether it still fits. */
static void
invalidate_preview (NhCardEditor *self)
{
  g_clear_pointer (&self->render, nh_card_render_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self->front_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->back_area));

  if (self->status_source == 0)
    self->status_source = g_idle_add (update_status_idle, self);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_side_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  NhCardEditor *self = data;
  NhCardRender *render = ensure_render (self);
  double side_width, side_height, scale, radius;

  nh_card_render_get_side_size (render, &side_width, &side_height);
  scale = MIN ((width - 2.0 * PREVIEW_PAD) / side_width, (height - 2.0 * PREVIEW_PAD) / side_height);
  if (scale <= 0)
    return;

  radius = NH_MM_TO_PT (3.18) * scale;
  cairo_translate (cr, (width - side_width * scale) / 2, (height - side_height * scale) / 2);

  /* A little shadow, so the white card stands out on a light page. */
  cairo_save (cr);
  cairo_translate (cr, 0, 1.5);
  rounded_rectangle (cr, side_width * scale, side_height * scale, radius);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_fill (cr);
  cairo_restore (cr);

  rounded_rectangle (cr, side_width * scale, side_height * scale, radius);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);

  if (area == self->back_area)
    nh_card_render_draw_back (render, cr, side_width, side_height);
  else
    nh_card_render_draw_front (render, cr, side_width, side_height);
}

static char *
dup_contact_summary (NhCardEditor *self,
                     guint         number)
{
  g_autofree char *name_id = g_strdup_printf ("contact%u_name", number);
  g_autofree char *relationship_id = g_strdup_printf ("contact%u_relationship", number);
  g_autofree char *name = g_strstrip (g_strdup (nh_card_get_text (self->card, name_id)));
  g_autofree char *relationship = g_strstrip (g_strdup (nh_card_get_text (self->card, relationship_id)));

  if (*name && *relationship)
    /* Translators: an emergency contact: "Jane Doe (mother)" */
    return g_strdup_printf (_("%s (%s)"), name, relationship);

  return g_strdup (*name ? name : relationship);
}

static void
update_contact_title (NhCardEditor *self,
                      guint         number)
{
  g_autofree char *summary = dup_contact_summary (self, number);

  adw_expander_row_set_subtitle (self->contacts[number - 1], summary);
}

static gboolean
show_check_cb (gpointer data)
{
  FieldRow *row = data;

  row->check_source = 0;
  update_field (row, TRUE);

  return G_SOURCE_REMOVE;
}

static void
set_invalid (FieldRow   *row,
             const char *message)
{
  gboolean invalid = message != NULL;

  if (invalid)
    {
      gtk_widget_add_css_class (row->row, "error");
      gtk_widget_add_css_class (row->input, "error");
      gtk_label_set_text (row->message, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row->input),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row->row, "error");
      gtk_widget_remove_css_class (row->input, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row->input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row->input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  gtk_widget_set_visible (row->message_row, invalid);
}

/* The counter near the cap, the date as it will print, and whether the
 * text is right: at once when it is, after a pause (or @show_now) when not. */
static void
update_field (FieldRow *row,
              gboolean  show_now)
{
  NhCardEditor *self = row->editor;
  const NhCardField *field = row->field;
  const char *text = nh_card_get_text (self->card, field->id);
  guint length = g_utf8_strlen (text, -1);
  g_autofree char *message = NULL;
  NhCardCheck check = nh_card_check (self->card, field->id, &message);

  if (field->kind == NH_CARD_KIND_DATE)
    {
      g_autofree char *printed = NULL;

      /* Empty: how to write it; right: how it will print. */
      if (!nh_card_has_text (self->card, field->id))
        gtk_label_set_text (row->counter, _("year-month-day"));
      else if (check == NH_CARD_CHECK_OK)
        gtk_label_set_text (row->counter, (printed = nh_card_format_date (text, self->edition)));
      else
        gtk_label_set_text (row->counter, "");
      gtk_widget_set_visible (GTK_WIDGET (row->counter), *gtk_label_get_text (row->counter) != '\0');
      gtk_widget_remove_css_class (GTK_WIDGET (row->counter), "error");
    }
  else
    {
      gboolean near_cap = length * 5 >= field->max_chars * 4;

      if (near_cap)
        {
          /* Translators: characters used and allowed in a field: "54/60" */
          g_autofree char *count = g_strdup_printf (_("%u/%u"), length, field->max_chars);
          g_autofree char *spoken = g_strdup_printf (_("%u of %u characters"), length, field->max_chars);

          gtk_label_set_text (row->counter, count);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row->counter),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
        }
      gtk_widget_set_visible (GTK_WIDGET (row->counter), near_cap);
      if (length > field->max_chars)
        gtk_widget_add_css_class (GTK_WIDGET (row->counter), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row->counter), "error");
    }

  if (row->copy_button != NULL)
    gtk_widget_set_sensitive (row->copy_button, nh_card_has_text (self->card, field->id));

  g_clear_handle_id (&row->check_source, g_source_remove);

  if (check == NH_CARD_CHECK_OK)
    set_invalid (row, NULL);
  else if (show_now || gtk_widget_get_visible (row->message_row))
    set_invalid (row, message);
  else
    row->check_source = g_timeout_add (CHECK_DELAY_MS, show_check_cb, row);
}

static void
entry_changed_cb (GtkEditable *editable,
                  FieldRow    *row)
{
  if (row->updating)
    return;

  row->updating = TRUE;
  nh_card_set_text (row->editor->card, row->field->id, gtk_editable_get_text (editable));
  row->updating = FALSE;
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   FieldRow      *row)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (row->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  row->updating = TRUE;
  nh_card_set_text (row->editor->card, row->field->id, text);
  row->updating = FALSE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FieldRow                *row)
{
  update_field (row, TRUE);
}

static void
copy_cb (GtkButton *button,
         FieldRow  *row)
{
  g_autofree char *phone = g_strstrip (g_strdup (nh_card_get_text (row->editor->card, row->field->id)));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), phone);
  toast (row->editor, _("Phone number copied"));
}

static GtkWidget *
new_row (void)
{
  GtkWidget *row = adw_preferences_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
add_row (GtkWidget *container,
         GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), row);
}

static GtkWidget *
new_counter (void)
{
  GtkWidget *counter = gtk_label_new (NULL);

  gtk_widget_set_valign (counter, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (counter, FALSE);
  gtk_widget_add_css_class (counter, "dim-label");
  gtk_widget_add_css_class (counter, "caption");
  gtk_widget_add_css_class (counter, "numeric");

  return counter;
}

static void
build_entry_row (NhCardEditor *self,
                 FieldRow     *row)
{
  const NhCardField *field = row->field;

  row->row = row->input = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), _(field->label));
  if (field->kind == NH_CARD_KIND_PHONE)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row->row), GTK_INPUT_PURPOSE_PHONE);

  row->counter = GTK_LABEL (new_counter ());
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->row), GTK_WIDGET (row->counter));

  if (field->kind == NH_CARD_KIND_PHONE)
    {
      row->copy_button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_set_valign (row->copy_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (row->copy_button, "flat");
      gtk_widget_set_tooltip_text (row->copy_button, _("Copy the phone number"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->copy_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the phone number"),
                                      -1);
      g_signal_connect (row->copy_button, "clicked", G_CALLBACK (copy_cb), row);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->row), row->copy_button);
    }

  gtk_editable_set_text (GTK_EDITABLE (row->row), nh_card_get_text (self->card, field->id));
  g_signal_connect (row->row, "changed", G_CALLBACK (entry_changed_cb), row);
}

/* Longer text: a title over a text view that wraps. */
static void
build_text_row (NhCardEditor *self,
                FieldRow     *row)
{
  const NhCardField *field = row->field;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(field->label));

  row->row = new_row ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), _(field->label));
  /* A plain preferences row gives screen readers no name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label), -1);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (title, "caption");
  row->counter = GTK_LABEL (new_counter ());
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->counter));

  row->input = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (row->input), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (row->input), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (row->input), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (row->input), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (row->input), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (row->input), 8);
  gtk_widget_set_size_request (row->input, -1, 56);
  gtk_widget_add_css_class (row->input, "nh-card-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);

  row->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input));
  gtk_text_buffer_set_text (row->buffer, nh_card_get_text (self->card, field->id), -1);
  g_signal_connect (row->buffer, "changed", G_CALLBACK (buffer_changed_cb), row);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), row->input);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
}

static void
add_field (NhCardEditor      *self,
           const NhCardField *field,
           GtkWidget         *container)
{
  FieldRow *row = g_new0 (FieldRow, 1);
  GtkEventController *focus;

  row->editor = self;
  row->field = field;

  if (field->kind == NH_CARD_KIND_MULTILINE)
    build_text_row (self, row);
  else
    build_entry_row (self, row);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), row);
  gtk_widget_add_controller (row->input, focus);

  /* Under the field, what is wrong with it, when something is. */
  row->message_row = new_row ();
  gtk_widget_add_css_class (row->message_row, "nh-card-message-row");
  row->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->message, 0);
  gtk_label_set_wrap (row->message, TRUE);
  gtk_label_set_wrap_mode (row->message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (GTK_WIDGET (row->message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (row->message), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (row->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (row->message), 12);
  gtk_widget_add_css_class (GTK_WIDGET (row->message), "nh-card-message");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->message_row), GTK_WIDGET (row->message));
  gtk_widget_set_visible (row->message_row, FALSE);

  add_row (container, row->row);
  add_row (container, row->message_row);

  g_hash_table_insert (self->fields, (gpointer)field->id, row);
}

static GtkWidget *
group_widget (NhCardEditor *self,
              const char   *group)
{
  if (g_str_equal (group, "child"))
    return GTK_WIDGET (self->child_group);
  if (g_str_equal (group, "centre"))
    return GTK_WIDGET (self->centre_group);
  if (g_str_equal (group, "doctor"))
    return GTK_WIDGET (self->doctor_group);
  if (g_str_equal (group, "ig"))
    return GTK_WIDGET (self->ig_group);
  if (g_str_equal (group, "medicines"))
    return GTK_WIDGET (self->medicines_group);
  if (g_str_equal (group, "staff"))
    return GTK_WIDGET (self->staff_group);

  for (guint i = 0; i < NH_CARD_MAX_CONTACTS; i++)
    {
      g_autofree char *contact = g_strdup_printf ("contact%u", i + 1);

      if (g_str_equal (group, contact))
        return GTK_WIDGET (self->contacts[i]);
    }

  g_assert_not_reached ();
}

static void
build_form (NhCardEditor *self)
{
  const char * const *instructions = nh_edition_get_card_instructions (self->edition);
  const NhCardField *fields;
  GtkWidget *standing;
  guint n;

  for (guint i = 0; i < NH_CARD_MAX_CONTACTS; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Contact %u"), i + 1);

      self->contacts[i] = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->contacts[i]), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contacts[i]), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->contacts[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_preferences_group_add (self->contacts_group, GTK_WIDGET (self->contacts[i]));
    }

  fields = nh_card_get_fields (&n);
  for (guint i = 0; i < n; i++)
    add_field (self, &fields[i], group_widget (self, fields[i].group));

  for (guint i = 0; i < NH_CARD_MAX_CONTACTS; i++)
    {
      g_autofree char *summary = dup_contact_summary (self, i + 1);

      update_contact_title (self, i + 1);
      /* The first, and any in use, open. */
      adw_expander_row_set_expanded (self->contacts[i], i == 0 || *summary != '\0');
    }

  /* The edition's standing instructions: shown, not edited. */
  standing = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (standing), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (standing), _("Standing Instructions for Staff"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (standing),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Standing Instructions for Staff"), -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (standing),
                                 _("From the handbook. Printed on the back of every card."));
  for (guint i = 0; instructions && instructions[i]; i++)
    {
      GtkWidget *line = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), instructions[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (line), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (standing), line);
    }
  adw_preferences_group_add (self->staff_group, standing);
}

static void
update_all_fields (NhCardEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    update_field (row, TRUE);
}

static void
card_changed_cb (NhCardEditor *self,
                 const char   *field_id,
                 NhCard       *card)
{
  FieldRow *row = g_hash_table_lookup (self->fields, field_id);

  if (row != NULL && !row->updating)
    {
      /* Changed from elsewhere: show it. */
      row->updating = TRUE;
      if (row->buffer != NULL)
        gtk_text_buffer_set_text (row->buffer, nh_card_get_text (card, field_id), -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (row->row), nh_card_get_text (card, field_id));
      row->updating = FALSE;
    }

  if (row != NULL)
    update_field (row, FALSE);

  /* Whether the name is missing depends on the rest of the card. */
  if (!g_str_equal (field_id, "child_name"))
    update_field (g_hash_table_lookup (self->fields, "child_name"), FALSE);

  if (g_str_has_prefix (field_id, "contact") && field_id[7] >= '1' && field_id[7] <= '4')
    update_contact_title (self, field_id[7] - '0');

  invalidate_preview (self);
}

static void
paper_changed_cb (NhCardEditor *self)
{
  const char *paper = nh_card_get_paper (self->card);

  for (guint i = 0; i < G_N_ELEMENTS (paper_ids); i++)
    if (g_str_equal (paper, paper_ids[i]))
      adw_combo_row_set_selected (self->paper_row, i);

  invalidate_preview (self);
  update_preview_size (self);
}

static void
paper_selected_cb (NhCardEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->paper_row);

  if (selected < G_N_ELEMENTS (paper_ids))
    nh_card_set_paper (self->card, paper_ids[selected]);
}

static void
save_failed_cb (NhCardEditor *self,
                GError       *error)
{
  /* Translators: %s says what failed and where, e.g. "Could not save
   * “/home/sam/.local/share/…/card.json”: the disk is full" */
  g_autofree char *message = g_strdup_printf (_("%s. What you typed on the card is kept while "
                                                "the app is open; it is saved at your next "
                                                "change, or with Retry."),
                                              error->message);

  nh_save_banner_show (self->save_banner, message);
}

static void
saved_cb (NhCardEditor *self)
{
  nh_save_banner_hide (self->save_banner);
}

static void
retry_save_cb (NhCardEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (nh_card_save (self->card, &error))
    nh_toast_show_message (GTK_WIDGET (self), _("Card saved"));
  else
    save_failed_cb (self, error);
}

static void
dismiss_notice_cb (NhCardEditor *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static void
folded_cb (NhCardEditor *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), folded);
  if (!folded)
    adw_leaflet_set_visible_child (self->leaflet, self->form_page);
  gtk_button_set_label (self->preview_button, _("Pre_view"));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self->preview_button));
}

static void
toggle_preview_cb (NhCardEditor *self)
{
  gboolean to_preview = adw_leaflet_get_visible_child (self->leaflet) != self->preview_page;

  adw_leaflet_set_visible_child (self->leaflet, to_preview ? self->preview_page : self->form_page);
  gtk_button_set_label (self->preview_button, to_preview ? _("_Edit") : _("Pre_view"));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self->preview_button));
}

/* Languages a travel card can add: all but the edition's own, English
 * first (the default). */
static void
setup_second_languages (NhCardEditor *self)
{
  g_auto(GStrv) available = nh_catalog_list_languages ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *own = nh_edition_get_language (self->edition);

  for (guint i = 0; available[i]; i++)
    {
      if (g_strcmp0 (available[i], own) == 0)
        continue;
      g_strv_builder_add (codes, available[i]);
      gtk_string_list_append (names, nh_language_get_native_name (available[i]));
    }

  self->second_languages = g_strv_builder_end (codes);
  adw_combo_row_set_model (self->second_language_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->second_language_row), self->second_languages[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.print-bilingual",
                                 self->second_languages[0] != NULL);
}

static void
print_card_full (NhCardEditor *self,
                 gboolean      blank,
                 gboolean      bilingual)
{
  const NhPaper *paper = nh_paper_lookup (nh_card_get_paper (self->card));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint selected = adw_combo_row_get_selected (self->second_language_row);
  g_autoptr(NhEdition) second = NULL;
  g_autoptr(NhPrintout) printout = NULL;

  if (bilingual && selected < g_strv_length (self->second_languages))
    {
      g_autoptr(NhCatalog) catalog = nh_catalog_new (self->second_languages[selected]);

      second = nh_edition_new_builtin_translated (catalog, NULL);
    }

  printout = nh_printout_new_card (self->card, self->edition, second, blank);
  nh_print_printout (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, printout, paper);
}

static void
lock_switch_cb (GtkSwitch    *sw,
                GParamSpec   *pspec,
                NhCardEditor *self)
{
  nh_card_set_lock_screen_shows (self->card, g_object_get_data (G_OBJECT (sw), "nh-section"),
                                 gtk_switch_get_active (sw));
}

/* A switch for each section of the card: the family chooses what a
 * stranger may read on the phone. */
static void
build_lock_screen_rows (NhCardEditor *self)
{
  const char * const *sections = nh_card_layout_get_sections ();

  for (guint i = 0; sections[i] != NULL; i++)
    {
      const char *title = _(nh_card_layout_section_label (sections[i]));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      g_autofree char *name = g_strdup_printf (_("Show “%s” on the lock screen"), title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), nh_card_get_lock_screen_shows (self->card, sections[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (sw), "nh-section", (gpointer)sections[i]);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (lock_switch_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (self->lock_screen_group, row);
    }

  /* The button last, after the choices. */
  g_object_ref (self->lock_save_row);
  adw_preferences_group_remove (self->lock_screen_group, GTK_WIDGET (self->lock_save_row));
  adw_preferences_group_add (self->lock_screen_group, GTK_WIDGET (self->lock_save_row));
  g_object_unref (self->lock_save_row);
}

/* Writes the image for the size chosen; says so, or why not. */
gboolean
_nh_card_editor_save_lock_screen (NhCardEditor  *self,
                                  const char    *path,
                                  GError       **error)
{
  guint size = adw_combo_row_get_selected (self->lock_size_row);

  if (size >= G_N_ELEMENTS (lock_sizes))
    size = 0;

  return nh_lock_screen_export (self->card, self->edition, NULL,
                                lock_sizes[size].width, lock_sizes[size].height, path, error);
}

static void
lock_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          NhCardEditor    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      path = g_file_get_path (file);
      if (path == NULL)
        show_notice (self, _("The image can only be saved in a folder on this computer."));
      else if (!_nh_card_editor_save_lock_screen (self, path, &error))
        show_notice (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Saved the lock-screen image as “%s”"), name);

          toast (self, message);
        }
    }

  g_clear_object (&self->lock_chooser);
}

static void
save_lock_screen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  NhCardEditor *self = NH_CARD_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->lock_chooser != NULL)
    return;

  self->lock_chooser = gtk_file_chooser_native_new (_("Save Lock-Screen Image"),
                                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->lock_chooser), filter);
  /* Translators: the file name offered for the lock-screen image */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->lock_chooser), _("emergency-card-lock-screen.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->lock_chooser), TRUE);
  g_signal_connect (self->lock_chooser, "response", G_CALLBACK (lock_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->lock_chooser));
}

static void
print_card (NhCardEditor *self,
            gboolean      blank)
{
  print_card_full (self, blank, FALSE);
}

static void
print_bilingual_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  print_card_full (NH_CARD_EDITOR (widget), FALSE, TRUE);
}

/* The letter for school, nursery or a babysitter, on A4, or on Letter
 * when the card is printed on Letter sheets. */
static void
print_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  NhCardEditor *self = NH_CARD_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const NhPaper *paper = nh_paper_lookup (g_str_equal (nh_card_get_paper (self->card), "letter") ? "letter" : "a4");
  g_autoptr(NhPrintout) printout = nh_printout_new_letter (self->card, self->edition);

  nh_print_printout (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, printout, paper);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  print_card (NH_CARD_EDITOR (widget), FALSE);
}

static void
print_blank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  print_card (NH_CARD_EDITOR (widget), TRUE);
}

static void
show_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  nh_card_editor_show_to_staff (NH_CARD_EDITOR (widget));
}

static void
flush_card (NhCardEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!nh_card_flush (self->card, &error))
    g_warning ("Could not save the emergency card: %s", error->message);
}

/* The window is closing, or another page shows: save what was typed now,
 * not in a moment. */
static void
nh_card_editor_unmap (GtkWidget *widget)
{
  NhCardEditor *self = NH_CARD_EDITOR (widget);

  if (self->card != NULL)
    flush_card (self);

  GTK_WIDGET_CLASS (nh_card_editor_parent_class)->unmap (widget);
}

static void
nh_card_editor_dispose (GObject *object)
{
  NhCardEditor *self = (NhCardEditor *)object;

  if (self->card != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->card, self);
      flush_card (self);
    }

  if (self->fields != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->fields);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_clear_handle_id (&((FieldRow *)value)->check_source, g_source_remove);
    }

  g_clear_handle_id (&self->status_source, g_source_remove);
  if (self->lock_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->lock_chooser));
      g_clear_object (&self->lock_chooser);
    }
  g_clear_pointer (&self->render, nh_card_render_unref);
  if (self->staff_view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->staff_view), (gpointer *)&self->staff_view);
  self->staff_view = NULL;

  G_OBJECT_CLASS (nh_card_editor_parent_class)->dispose (object);
}

static void
nh_card_editor_finalize (GObject *object)
{
  NhCardEditor *self = (NhCardEditor *)object;

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_object (&self->card);
  g_clear_object (&self->edition);

  g_clear_pointer (&self->second_languages, g_strfreev);

  G_OBJECT_CLASS (nh_card_editor_parent_class)->finalize (object);
}

static void
nh_card_editor_class_init (NhCardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (NH_TYPE_SAVE_BANNER);

  object_class->dispose = nh_card_editor_dispose;
  object_class->finalize = nh_card_editor_finalize;
  widget_class->unmap = nh_card_editor_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/nh-card-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, notice_label);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, save_banner);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, form_page);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, preview_page);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, child_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, centre_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, doctor_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, ig_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, medicines_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, staff_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, paper_row);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, print_button);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, second_language_row);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, lock_screen_group);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, lock_size_row);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, lock_save_row);
  gtk_widget_class_install_action (widget_class, "card.save-lock-screen", NULL, save_lock_screen_action);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, qr_switch);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, front_area);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, back_area);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, NhCardEditor, preview_button);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_notice_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, toggle_preview_cb);

  gtk_widget_class_install_action (widget_class, "card.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "card.print-blank", NULL, print_blank_action);
  gtk_widget_class_install_action (widget_class, "card.print-bilingual", NULL, print_bilingual_action);
  gtk_widget_class_install_action (widget_class, "card.print-letter", NULL, print_letter_action);
  gtk_widget_class_install_action (widget_class, "card.show-staff", NULL, show_staff_action);
}

static void
nh_card_editor_init (NhCardEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  /* AdwSplitButton's arrow is a menu button with no name of its own. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->print_button);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("More ways to print"), -1);

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  gtk_drawing_area_set_draw_func (self->front_area, draw_side_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->back_area, draw_side_cb, self, NULL);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
}

NhCardEditor *
nh_card_editor_new (NhCard    *card,
                    NhEdition *edition)
{
  NhCardEditor *self;
  const GError *load_error;

  g_return_val_if_fail (NH_IS_CARD (card), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  self = g_object_new (NH_TYPE_CARD_EDITOR, NULL);
  self->card = g_object_ref (card);
  self->edition = g_object_ref (edition);
  setup_second_languages (self);

  build_form (self);
  build_lock_screen_rows (self);
  update_all_fields (self);

  paper_changed_cb (self);
  g_object_bind_property (card, "show-qr", self->qr_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (card, "changed", G_CALLBACK (card_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "notify::paper", G_CALLBACK (paper_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "notify::show-qr", G_CALLBACK (invalidate_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_row, "notify::selected",
                           G_CALLBACK (paper_selected_cb), self, G_CONNECT_SWAPPED);

  /* An unreadable saved card was moved aside: say so once, with where. */
  load_error = nh_card_get_load_error (card);
  if (load_error != NULL && g_object_get_data (G_OBJECT (card), "nh-card-editor-told") == NULL)
    {
      show_notice (self, load_error->message);
      g_object_set_data (G_OBJECT (card), "nh-card-editor-told", GINT_TO_POINTER (TRUE));
    }

  return self;
}

/* Returns: (transfer none) */
NhCard *
nh_card_editor_get_card (NhCardEditor *self)
{
  g_return_val_if_fail (NH_IS_CARD_EDITOR (self), NULL);

  return self->card;
}

/* Opens the print dialog for the card on the paper chosen in the editor;
 * "Print to File" in the dialog makes a PDF. */
void
nh_card_editor_print (NhCardEditor *self)
{
  g_return_if_fail (NH_IS_CARD_EDITOR (self));

  print_card (self, FALSE);
}

/* Shows the card full screen for staff, or brings the open view back. */
void
nh_card_editor_show_to_staff (NhCardEditor *self)
{
  GtkRoot *root;

  g_return_if_fail (NH_IS_CARD_EDITOR (self));

  if (self->staff_view != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->staff_view));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->staff_view = nh_card_view_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->card, self->edition);
  g_object_add_weak_pointer (G_OBJECT (self->staff_view), (gpointer *)&self->staff_view);
}

static FieldRow *
lookup_row (NhCardEditor *self,
            const char   *field_id)
{
  FieldRow *row = g_hash_table_lookup (self->fields, field_id);

  g_assert (row != NULL);

  return row;
}

/* The entry row, or the text view, the field is typed in. */
GtkWidget *
_nh_card_editor_get_field_widget (NhCardEditor *self,
                                  const char   *field_id)
{
  return lookup_row (self, field_id)->input;
}

GtkWidget *
_nh_card_editor_get_field_row (NhCardEditor *self,
                               const char   *field_id)
{
  return lookup_row (self, field_id)->row;
}

/* The message under the field; hidden when there is nothing wrong. */
GtkLabel *
_nh_card_editor_get_message (NhCardEditor *self,
                             const char   *field_id)
{
  FieldRow *row = lookup_row (self, field_id);

  return gtk_widget_get_visible (row->message_row) ? row->message : NULL;
}

GtkLabel *
_nh_card_editor_get_counter (NhCardEditor *self,
                             const char   *field_id)
{
  return lookup_row (self, field_id)->counter;
}

GtkWidget *
_nh_card_editor_get_copy_button (NhCardEditor *self,
                                 const char   *field_id)
{
  return lookup_row (self, field_id)->copy_button;
}

GtkWidget *
_nh_card_editor_get_preview (NhCardEditor *self,
                             NhCardSide    side)
{
  return GTK_WIDGET (side == NH_CARD_FRONT ? self->front_area : self->back_area);
}

/* Returns: (nullable): the message above the form, when one is shown */
GtkLabel *
_nh_card_editor_get_notice (NhCardEditor *self)
{
  return gtk_revealer_get_reveal_child (self->notice_revealer) ? self->notice_label : NULL;
}

/* Returns: (nullable): the label under the preview, when it says something */
GtkLabel *
_nh_card_editor_get_status (NhCardEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ? self->status_label : NULL;
}

NhCardView *
_nh_card_editor_get_staff_view (NhCardEditor *self)
{
  return self->staff_view;
}

/* Shows the result of every check now, as leaving a field does. */
void
_nh_card_editor_show_checks (NhCardEditor *self)
{
  update_all_fields (self);
}
