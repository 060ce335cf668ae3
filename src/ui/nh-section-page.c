/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-section-page.c: one handbook section laid out for reading
 *
 * Every text from the edition goes into a GtkLabel as plain text, never as
 * markup, so "<" and "&" in an edition show as themselves.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-preferences-window.h"
#include "nh-section-page.h"

/* The opening paragraphs; the rest follows one frame later. */
#define FIRST_SCREEN_BYTES 600

struct _NhSectionPage
{
  AdwBin      parent_instance;
  NhEdition  *edition;
  NhSection  *section;
  GPtrArray  *block_widgets;  /* one widget per block built so far */
  gboolean    complete;
  guint       tick_id;
  guint       ticks_waited;

  AdwClamp   *clamp;
  GtkBox     *blocks_box;
  GtkLabel   *title_label;
};

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhSectionPage, nh_section_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static GtkWidget *
text_label_with_role (const char        *text,
                      const char        *css_class,
                      GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);

  /* set_text, not set_markup: edition text is plain text. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  return text_label_with_role (text, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

/* Several paragraphs separated by empty lines, as one box. */
static GtkWidget *
paragraphs (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_auto(GStrv) parts = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));

      if (*part)
        gtk_box_append (GTK_BOX (box), text_label (part, "nh-body"));
    }

  return box;
}

static GtkWidget *
build_list (const char * const *items)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 6,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                 NULL);

  for (guint i = 0; items && items[i]; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bullet = gtk_label_new ("•");
      GtkWidget *label = text_label (items[i], "nh-body");

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_add_css_class (bullet, "nh-body");
      gtk_widget_set_margin_start (bullet, 6);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (box), row);
    }

  return box;
}

static GtkWidget *
build_callout (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (_("Important"));

  gtk_widget_add_css_class (box, "nh-callout");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_NORMAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Important"),
                                  -1);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "nh-callout-heading");
  gtk_widget_set_hexpand (inner, TRUE);
  gtk_box_append (GTK_BOX (inner), heading);
  gtk_box_append (GTK_BOX (inner), text_label (text, "nh-body"));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), inner);

  return box;
}

/* A web address from an edition: shown in full, opened only on a click,
 * and only for http(s). */
static GtkWidget *
link_row (const char *address)
{
  if (g_str_has_prefix (address, "https://") || g_str_has_prefix (address, "http://"))
    {
      GtkWidget *button = gtk_link_button_new (address);
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

      /* The label is the whole address, never a friendlier text. */
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_CHAR);
        }
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      return button;
    }

  return text_label (address, "nh-body");
}

static GtkWidget *
build_edition_info (NhEdition *edition)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *edition_line = NULL;
  g_autofree char *reviewed_line = NULL;
  g_autofree char *language_line = NULL;

  /* Translators: "Edition: NEMO Handbook, version 1.0" */
  edition_line = g_strdup_printf (_("Edition: %s, version %s"),
                                  nh_edition_get_title (edition),
                                  nh_edition_get_version (edition));
  /* Translators: the date is written YYYY-MM-DD */
  reviewed_line = g_strdup_printf (_("Last reviewed: %s"),
                                   nh_edition_get_last_reviewed (edition));
  language_line = g_strdup_printf (_("Language of the text: %s"),
                                   nh_language_get_native_name (nh_edition_get_language (edition)));

  gtk_widget_add_css_class (box, "nh-edition-info");
  gtk_box_append (GTK_BOX (box), text_label (edition_line, "nh-body"));
  gtk_box_append (GTK_BOX (box), text_label (reviewed_line, "nh-body"));
  gtk_box_append (GTK_BOX (box), text_label (language_line, "nh-body"));
  gtk_box_append (GTK_BOX (box), text_label (nh_edition_get_source_credit (edition), "nh-body"));
  if (nh_edition_get_translation_note (edition) != NULL)
    gtk_box_append (GTK_BOX (box), text_label (nh_edition_get_translation_note (edition), "nh-body"));

  if (nh_edition_get_publisher (edition) != NULL)
    {
      g_autofree char *publisher = g_strdup_printf (_("Published by: %s"), nh_edition_get_publisher (edition));

      gtk_box_append (GTK_BOX (box), text_label (publisher, "nh-body"));
      if (nh_edition_get_publisher_contact (edition) != NULL)
        gtk_box_append (GTK_BOX (box), text_label (nh_edition_get_publisher_contact (edition), "nh-body"));
      if (nh_edition_get_publisher_website (edition) != NULL)
        gtk_box_append (GTK_BOX (box), link_row (nh_edition_get_publisher_website (edition)));
    }

  if (nh_edition_get_reviewed_by (edition) != NULL)
    {
      g_autofree char *reviewed = NULL;

      if (nh_edition_get_reviewed_on (edition) != NULL)
        reviewed = g_strdup_printf (_("Reviewed by %s on %s"), nh_edition_get_reviewed_by (edition),
                                    nh_edition_get_reviewed_on (edition));
      else
        reviewed = g_strdup_printf (_("Reviewed by %s"), nh_edition_get_reviewed_by (edition));
      gtk_box_append (GTK_BOX (box), text_label (reviewed, "nh-body"));
    }

  if (nh_edition_get_based_on (edition) != NULL)
    {
      g_autofree char *base = nh_edition_get_based_on_title (edition)
                              ? g_strdup_printf ("%s (%s)", nh_edition_get_based_on_title (edition),
                                                 nh_edition_get_based_on (edition))
                              : g_strdup (nh_edition_get_based_on (edition));
      g_autofree char *based_on = g_strdup_printf (_("Adapted from: %s"), base);

      gtk_box_append (GTK_BOX (box), text_label (based_on, "nh-body"));
    }

  for (guint i = 0; i < nh_edition_get_n_contacts (edition); i++)
    {
      const NhEditionContact *contact = nh_edition_get_contact (edition, i);
      g_autofree char *line = g_strdup_printf ("%s%s%s", contact->name,
                                               contact->phone ? ": " : "",
                                               contact->phone ? contact->phone : "");

      gtk_box_append (GTK_BOX (box), text_label (line, "nh-body"));
      if (contact->note != NULL)
        {
          g_autofree char *note = g_strdup_printf (_("Note: %s"), contact->note);

          gtk_box_append (GTK_BOX (box), text_label (note, "nh-body"));
        }
      if (contact->website != NULL)
        gtk_box_append (GTK_BOX (box), link_row (contact->website));
    }

  return box;
}

static GtkWidget *
build_block (NhSectionPage *self,
             NhBlock       *block)
{
  switch (nh_block_get_kind (block))
    {
    case NH_BLOCK_HEADING:
      {
        GtkWidget *label = text_label_with_role (nh_block_get_text (block), "nh-heading",
                                                 GTK_ACCESSIBLE_ROLE_HEADING);
        gtk_widget_set_margin_top (label, 12);
        return label;
      }

    case NH_BLOCK_LIST:
      return build_list (nh_block_get_items (block));

    case NH_BLOCK_IMPORTANT:
      return build_callout (nh_block_get_text (block));

    case NH_BLOCK_DISCLAIMER:
      return paragraphs (nh_edition_get_disclaimer (self->edition));

    case NH_BLOCK_EDITION_INFO:
      return build_edition_info (self->edition);

    case NH_BLOCK_PARAGRAPH:
    default:
      return paragraphs (nh_block_get_text (block));
    }
}

/* A group's translation: a block no reviewer has checked says so, quietly,
 * under its text. */
static GtkWidget *
mark_unreviewed (GtkWidget *widget,
                 NhBlock   *block)
{
  GtkWidget *box, *marker;

  if (!nh_block_is_unreviewed (block))
    return widget;

  marker = gtk_label_new (g_strcmp0 (nh_block_get_translation_state (block), "untranslated") == 0
                          ? _("Not yet translated") : _("Translation not yet reviewed"));
  gtk_label_set_xalign (GTK_LABEL (marker), 0);
  gtk_widget_add_css_class (marker, "dim-label");
  gtk_widget_add_css_class (marker, "caption");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_box_append (GTK_BOX (box), marker);

  return box;
}

static gsize
block_length (NhBlock *block)
{
  const char * const *items = nh_block_get_items (block);
  gsize length = nh_block_get_text (block) ? strlen (nh_block_get_text (block)) : 200;

  for (guint i = 0; items && items[i]; i++)
    length += strlen (items[i]);

  return length;
}

/* Adds blocks until about @budget bytes of text are on the page (G_MAXSIZE:
 * all of them), then the source credit that closes every page. */
/* Every paragraph's own menu (right click, or the Menu key) offers to ask
 * about it at the next visit (win.ask-question). */
static void
add_ask_menu (GtkWidget  *widget,
              const char *section_id,
              guint       block)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)))
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Ask at the Next Visit…"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.ask-question",
                                               g_variant_new ("(su)", section_id, block));
      g_menu_append_item (menu, item);
      gtk_label_set_extra_menu (GTK_LABEL (widget), G_MENU_MODEL (menu));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_ask_menu (child, section_id, block);
}

static void
populate (NhSectionPage *self,
          gsize          budget)
{
  guint n = nh_section_get_n_blocks (self->section);
  gsize added = 0;
  g_autofree char *stamp = NULL;
  GtkWidget *credit;

  while (self->block_widgets->len < n && added < budget)
    {
      NhBlock *block = nh_section_get_block (self->section, self->block_widgets->len);
      GtkWidget *widget = mark_unreviewed (build_block (self, block), block);

      added += block_length (block);
      add_ask_menu (widget, nh_section_get_id (self->section), self->block_widgets->len);
      g_ptr_array_add (self->block_widgets, widget);
      gtk_box_append (self->blocks_box, widget);
    }

  if (self->block_widgets->len < n || self->complete)
    return;

  credit = text_label (nh_edition_get_source_credit (self->edition), "nh-credit");
  gtk_widget_set_margin_top (credit, 24);
  gtk_box_append (self->blocks_box, credit);

  /* Whose edition this is, on every page. */
  stamp = nh_edition_dup_stamp (self->edition);
  gtk_box_append (self->blocks_box, text_label (stamp, "nh-credit"));
  self->complete = TRUE;
}

/* The first frame shows a screenful; the rest of a long page follows on
 * the next frame, so the window appears sooner. */
static gboolean
populate_rest_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  NhSectionPage *self = NH_SECTION_PAGE (widget);

  if (self->ticks_waited++ == 0)
    return G_SOURCE_CONTINUE;

  populate (self, G_MAXSIZE);
  self->tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
nh_section_page_dispose (GObject *object)
{
  NhSectionPage *self = (NhSectionPage *)object;

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  /* No gtk_widget_dispose_template(): AdwBin unparents its child itself. */
  g_clear_pointer (&self->block_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (nh_section_page_parent_class)->dispose (object);
}

static void
nh_section_page_finalize (GObject *object)
{
  NhSectionPage *self = (NhSectionPage *)object;

  g_clear_object (&self->edition);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (nh_section_page_parent_class)->finalize (object);
}

static void
nh_section_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NhSectionPage *self = NH_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_section_page_class_init (NhSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_section_page_dispose;
  object_class->finalize = nh_section_page_finalize;
  object_class->get_property = nh_section_page_get_property;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         NH_TYPE_SECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NhSectionPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, NhSectionPage, blocks_box);
  gtk_widget_class_bind_template_child (widget_class, NhSectionPage, title_label);
}

static void
nh_section_page_init (NhSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->block_widgets = g_ptr_array_new ();
}

NhSectionPage *
nh_section_page_new (NhEdition *edition,
                     NhSection *section)
{
  NhSectionPage *self;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (NH_IS_SECTION (section), NULL);

  self = g_object_new (NH_TYPE_SECTION_PAGE, NULL);
  self->edition = g_object_ref (edition);
  self->section = g_object_ref (section);
  gtk_label_set_text (self->title_label, nh_section_get_title (section));
  populate (self, FIRST_SCREEN_BYTES);
  if (!self->complete)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), populate_rest_tick, NULL, NULL);

  return self;
}

/* Returns: (transfer none) */
NhSection *
nh_section_page_get_section (NhSectionPage *self)
{
  g_return_val_if_fail (NH_IS_SECTION_PAGE (self), NULL);

  return self->section;
}

/* The width of the text column, grown with the text size so the lines keep
 * about the same number of characters. */
void
nh_section_page_set_max_width (NhSectionPage *self,
                               int            width)
{
  g_return_if_fail (NH_IS_SECTION_PAGE (self));

  adw_clamp_set_maximum_size (self->clamp, width);
  adw_clamp_set_tightening_threshold (self->clamp, width * 2 / 3);
}

/* A block shown this far below the top of the view still counts as the
 * one at the top (the room scroll_widget_to_top() leaves above it). */
#define TOP_MARGIN 24

static gboolean
scroll_widget_to_top (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  if (scroller != NULL &&
      gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + point.y - TOP_MARGIN);
      return TRUE;
    }

  return FALSE;
}

static gboolean
scroll_to_block_idle (gpointer data)
{
  scroll_widget_to_top (data);

  return G_SOURCE_REMOVE;
}

/* Brings a block (a search hit) into view once the page is laid out. */
void
nh_section_page_scroll_to_block (NhSectionPage *self,
                                 guint          block_index)
{
  g_return_if_fail (NH_IS_SECTION_PAGE (self));

  populate (self, G_MAXSIZE);

  if (block_index >= self->block_widgets->len)
    return;

  g_idle_add_full (G_PRIORITY_LOW, scroll_to_block_idle,
                   g_object_ref (g_ptr_array_index (self->block_widgets, block_index)),
                   g_object_unref);
}

/* The paragraph at the top of the view: the last block that starts above
 * the top (or just below it). 0 when the page is not in a scroller. */
guint
nh_section_page_get_top_block (NhSectionPage *self)
{
  GtkWidget *scroller;
  guint top = 0;

  g_return_val_if_fail (NH_IS_SECTION_PAGE (self), 0);

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    return 0;

  for (guint i = 0; i < self->block_widgets->len; i++)
    {
      graphene_point_t point;

      if (!gtk_widget_compute_point (g_ptr_array_index (self->block_widgets, i), scroller,
                                     &GRAPHENE_POINT_INIT (0, 0), &point))
        break;
      if (point.y > TOP_MARGIN + 1)
        break;
      top = i;
    }

  return top;
}

/* Scrolls now (the page must be laid out): @block_index at the top.
 * FALSE when that block is not there. */
gboolean
nh_section_page_scroll_block_to_top (NhSectionPage *self,
                                     guint          block_index)
{
  g_return_val_if_fail (NH_IS_SECTION_PAGE (self), FALSE);

  populate (self, G_MAXSIZE);

  if (block_index >= self->block_widgets->len)
    return FALSE;

  return scroll_widget_to_top (g_ptr_array_index (self->block_widgets, block_index));
}

guint
nh_section_page_get_n_blocks_shown (NhSectionPage *self)
{
  g_return_val_if_fail (NH_IS_SECTION_PAGE (self), 0);
  return self->block_widgets->len;
}

/* Returns: (transfer none) (nullable) */
GtkWidget *
nh_section_page_get_block_widget (NhSectionPage *self,
                                  guint          block_index)
{
  g_return_val_if_fail (NH_IS_SECTION_PAGE (self), NULL);

  if (block_index >= self->block_widgets->len)
    return NULL;

  return g_ptr_array_index (self->block_widgets, block_index);
}
