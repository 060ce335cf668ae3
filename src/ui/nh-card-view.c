/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-view.c: the emergency card full screen, for hospital staff
 *
 * Black on white whatever the desktop's style, very large text, and the
 * lines a nurse needs first at the top: who the child is, the diagnosis,
 * what to do, who to call, allergies, then medicines. Escape leaves.
 * Text from the card and the edition is shown escaped, never as markup.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-accessible.h"
#include "nh-card-view.h"

struct _NhCardView
{
  AdwWindow          parent_instance;

  NhCard            *card;
  NhEdition         *edition;

  /* Template children */
  GtkScrolledWindow *scroller;
  GtkBox            *content_box;
  GtkButton         *close_button;
};

G_DEFINE_FINAL_TYPE (NhCardView, nh_card_view, ADW_TYPE_WINDOW)

/* The card speaks the edition's language, like the printed card; the
 * window around it (its title, Close) the desktop's. */
#define T(msgid) nh_edition_gettext (self->edition, msgid)

static GtkWidget *
text_label (const char        *markup,
            const char        *css_class,
            GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", role,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return text_label (markup, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

/* "Label: value", the label in bold. */
static GtkWidget *
entry_label (NhCardView  *self,
             NhCardEntry *entry,
             const char  *css_class)
{
  /* Translators: a line of the card for staff: "Hospital: St Example General" */
  g_autofree char *label = g_strdup_printf (T (N_("%s:")), entry->label);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s", label, entry->value);

  return text_label (markup, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static GtkBox *
add_section (NhCardView *self,
             const char *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *title = plain_label (heading, "nh-staff-heading");

  g_object_set (title, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (self->content_box, box);

  return GTK_BOX (box);
}

static NhCardEntry *
find_entry (GPtrArray  *entries,
            const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      NhCardEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->id, id))
        return entry->value != NULL ? entry : NULL;
    }

  return NULL;
}

static void
add_band (NhCardView *self,
          GPtrArray  *entries)
{
  GtkWidget *band = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  NhCardEntry *name = find_entry (entries, "name");
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  static const char * const detail_ids[] = { "birth_date", "weight" };

  gtk_widget_add_css_class (band, "nh-staff-band");
  gtk_box_append (GTK_BOX (band), plain_label (nh_edition_get_card_title (self->edition), "nh-staff-title"));

  if (name != NULL)
    {
      GtkWidget *label = plain_label (name->value, "nh-staff-name");

      g_object_set (label, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
      gtk_box_append (GTK_BOX (band), label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (detail_ids); i++)
    {
      NhCardEntry *entry = find_entry (entries, detail_ids[i]);

      if (entry != NULL)
        /* Translators: "Date of birth: 25 Mar 2019" */
        g_ptr_array_add (details, g_strdup_printf (T (N_("%s: %s")), entry->label, entry->value));
    }

  if (details->len > 0)
    {
      g_autofree char *line = NULL;

      g_ptr_array_add (details, NULL);
      line = g_strjoinv ("   ·   ", (char **)details->pdata);
      gtk_box_append (GTK_BOX (band), plain_label (line, "nh-staff-details"));
    }

  gtk_box_append (self->content_box, band);
}

/* The lines of one section of the card's layout table, both sides. */
static GPtrArray *
section_entries (GPtrArray  *all,
                 const char *section)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      NhCardEntry *entry = g_ptr_array_index (all, i);

      if (entry->value != NULL && g_str_equal (entry->section, section))
        g_ptr_array_add (entries, entry);
    }

  return entries;
}

static void
rebuild (NhCardView *self)
{
  g_autoptr(GPtrArray) all = nh_card_dup_entries (self->card, self->edition, NH_CARD_FRONT, FALSE);
  g_autoptr(GPtrArray) back = nh_card_dup_entries (self->card, self->edition, NH_CARD_BACK, FALSE);
  g_autofree char *footer = nh_card_dup_footer (self->card, self->edition, FALSE);
  const char * const *instructions = nh_edition_get_card_instructions (self->edition);
  const char * const *sections = nh_card_layout_get_sections ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))))
    gtk_box_remove (self->content_box, child);

  /* The entries own nothing: the arrays free them. */
  g_ptr_array_set_free_func (back, NULL);
  g_ptr_array_extend_and_steal (all, g_steal_pointer (&back));

  add_band (self, all);

  if (nh_card_is_empty (self->card))
    gtk_box_append (self->content_box,
                    plain_label (T (N_("Nothing has been filled in on this card yet.")), "nh-staff-text"));

  /* The sections in the order staff read them (nh-card-layout.c); the
   * child's own lines are in the band at the top. */
  for (guint s = 0; sections[s] != NULL; s++)
    {
      g_autoptr(GPtrArray) entries = section_entries (all, sections[s]);
      GtkBox *section;

      if (g_str_equal (sections[s], "child"))
        continue;

      if (g_str_equal (sections[s], "todo"))
        {
          section = add_section (self, T (N_("What to do")));
          for (guint i = 0; instructions && instructions[i]; i++)
            {
              GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
              GtkWidget *bullet = plain_label ("•", "nh-staff-text");
              GtkWidget *text = plain_label (instructions[i], "nh-staff-text");

              gtk_widget_set_valign (bullet, GTK_ALIGN_START);
              gtk_widget_set_hexpand (text, TRUE);
              gtk_accessible_update_property (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
              gtk_box_append (GTK_BOX (line), bullet);
              gtk_box_append (GTK_BOX (line), text);
              gtk_box_append (section, line);
            }
          for (guint i = 0; i < entries->len; i++)
            gtk_box_append (section, entry_label (self, g_ptr_array_index (entries, i), "nh-staff-text"));
          continue;
        }

      if (entries->len == 0)
        continue;

      /* A section of one line of its own, such as the allergies: the line's
       * label is the heading, its text strong under it. */
      if (entries->len == 1 && g_str_equal (((NhCardEntry *)g_ptr_array_index (entries, 0))->id, sections[s]))
        {
          NhCardEntry *entry = g_ptr_array_index (entries, 0);

          section = add_section (self, entry->label);
          gtk_box_append (section, plain_label (entry->value, "nh-staff-strong"));
          continue;
        }

      section = add_section (self, nh_edition_gettext (self->edition, nh_card_layout_section_label (sections[s])));
      for (guint i = 0; i < entries->len; i++)
        {
          NhCardEntry *entry = g_ptr_array_index (entries, i);

          gtk_box_append (section, entry_label (self, entry, g_str_equal (entry->id, "centre_phone")
                                                               ? "nh-staff-phone" : "nh-staff-text"));
        }
    }

  gtk_box_append (self->content_box, plain_label (footer, "nh-staff-footer"));
}

static void
nh_card_view_dispose (GObject *object)
{
  NhCardView *self = (NhCardView *)object;

  if (self->card != NULL && g_object_get_data (G_OBJECT (self->card), "nh-card-view") == self)
    g_object_set_data (G_OBJECT (self->card), "nh-card-view", NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), NH_TYPE_CARD_VIEW);

  G_OBJECT_CLASS (nh_card_view_parent_class)->dispose (object);
}

static void
nh_card_view_finalize (GObject *object)
{
  NhCardView *self = (NhCardView *)object;

  g_clear_object (&self->card);
  g_clear_object (&self->edition);

  G_OBJECT_CLASS (nh_card_view_parent_class)->finalize (object);
}

static void
nh_card_view_class_init (NhCardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_card_view_dispose;
  object_class->finalize = nh_card_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/nh-card-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NhCardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NhCardView, content_box);
  gtk_widget_class_bind_template_child (widget_class, NhCardView, close_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nh_card_view_init (NhCardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self));
}

NhCardView *
nh_card_view_new (NhCard    *card,
                  NhEdition *edition)
{
  NhCardView *self;

  g_return_val_if_fail (NH_IS_CARD (card), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  self = g_object_new (NH_TYPE_CARD_VIEW, NULL);
  self->card = g_object_ref (card);
  self->edition = g_object_ref (edition);

  /* The family may change the card while staff look at it. */
  g_signal_connect_object (card, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return self;
}

/**
 * nh_card_view_open:
 *
 * Shows the card full screen over @parent, with the keyboard focus on the
 * Close button. A card has one staff view: if it is open, it comes to the
 * front.
 *
 * Returns: (transfer none): the view
 */
NhCardView *
nh_card_view_open (GtkWindow *parent,
                   NhCard    *card,
                   NhEdition *edition)
{
  NhCardView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NH_IS_CARD (card), NULL);

  if ((self = g_object_get_data (G_OBJECT (card), "nh-card-view")))
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }

  self = nh_card_view_new (card, edition);
  g_object_set_data (G_OBJECT (card), "nh-card-view", self);
  /* Not an application window: "the active window" stays the main one. */
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));

  return self;
}
