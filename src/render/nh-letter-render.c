/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-letter-render.c: a letter for school, nursery or a babysitter
 *
 * One A4 or Letter page in plain words, from the emergency card and the
 * edition: the child's name and diagnosis; what it means for the people
 * looking after him, in the edition's own card instructions (which carry
 * their fact ids in the edition; nothing medical is written here); the
 * family's instructions; allergies and medicines; who to call, in order,
 * with the centre's 24-hour number; a line for the parent's signature and
 * the date; and the edition's disclaimer and source credit, with its
 * stamp in the page footer.
 *
 * Like every printout it counts its pages and draws page N of M on a
 * cairo_t for a paper. The text is made smaller, down to a readable size,
 * to stay on one page; only then does it go on, between blocks, on a
 * second.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "nh-letter-render.h"
#include "nh-pdf.h"
#include "nh-render-text.h"

#define FONT_FAMILY  "Sans"
#define MARGIN       NH_MM_TO_PT (20)
#define LARGEST      11.0
#define SMALLEST     8.5
#define BAND_RGB     0.647, 0.114, 0.176
#define FOOTER_RGB   0.30, 0.30, 0.30

#define T(msgid) nh_edition_gettext (self->edition, msgid)

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_STRONG,
  BLOCK_BULLET,
  BLOCK_WRITE_IN,   /* a label and a line to write on */
  BLOCK_SMALL,      /* stamp, disclaimer, credit */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
} Block;

typedef struct
{
  guint  first;     /* the first block of the page */
  guint  end;
} Page;

struct _NhLetterRender
{
  gatomicrefcount  ref_count;
  NhCard          *card;
  NhEdition       *edition;
  const NhPaper   *paper;
  PangoContext    *context;
  GPtrArray       *blocks;    /* Block */
  GArray          *pages;     /* Page, for the size planned */
  double           font;
  double           planned_width;
  double           planned_height;
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block);
}

static void
add_block (NhLetterRender *self,
           BlockKind       kind,
           char           *text)   /* transfer full */
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = text;
  g_ptr_array_add (self->blocks, block);
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

static char *
dup_value (NhLetterRender *self,
           NhCardEntry    *entry)
{
  return nh_render_dup_value_run (entry->value, nh_edition_is_rtl (self->edition));
}

/* "Label: value", as on the card. */
static char *
dup_line (NhLetterRender *self,
          NhCardEntry    *entry)
{
  g_autofree char *value = dup_value (self, entry);

  return g_strdup_printf (T (N_("%s: %s")), entry->label, value);
}

static void
build_blocks (NhLetterRender *self)
{
  g_autoptr(GPtrArray) entries = nh_card_dup_entries (self->card, self->edition, NH_CARD_FRONT, FALSE);
  g_autoptr(GPtrArray) back = nh_card_dup_entries (self->card, self->edition, NH_CARD_BACK, FALSE);
  const char * const *instructions = nh_edition_get_card_instructions (self->edition);
  static const char * const health_ids[] = { "allergies", "antibiotics", "ig", "medicines" };
  NhCardEntry *entry;
  guint n = 0;

  g_ptr_array_set_free_func (back, NULL);
  g_ptr_array_extend_and_steal (entries, g_steal_pointer (&back));

  if ((entry = find_entry (entries, "name")))
    {
      g_autofree char *name = dup_value (self, entry);

      /* Translators: the title of the letter for school: "Looking after Alex: what you need to know" */
      add_block (self, BLOCK_TITLE, g_strdup_printf (T (N_("Looking after %s: what you need to know")), name));
    }
  else
    add_block (self, BLOCK_TITLE, g_strdup (T (N_("Looking after our child: what you need to know"))));

  add_block (self, BLOCK_TEXT, g_strdup (T (N_("For school, nursery and babysitters. Please read this letter "
                                               "and keep it where you can find it quickly."))));

  if ((entry = find_entry (entries, "birth_date")))
    add_block (self, BLOCK_TEXT, dup_line (self, entry));
  if ((entry = find_entry (entries, "diagnosis")))
    add_block (self, BLOCK_STRONG, dup_line (self, entry));

  /* The medical text: the edition's card instructions, with their facts. */
  add_block (self, BLOCK_HEADING, g_strdup (T (N_("What this means for you"))));
  for (guint i = 0; instructions && instructions[i]; i++)
    add_block (self, BLOCK_BULLET, g_strdup (instructions[i]));

  if ((entry = find_entry (entries, "staff_notes")))
    {
      add_block (self, BLOCK_HEADING, g_strdup (T (N_("What the family asks of you"))));
      add_block (self, BLOCK_TEXT, dup_value (self, entry));
    }

  for (guint i = 0; i < G_N_ELEMENTS (health_ids); i++)
    if ((entry = find_entry (entries, health_ids[i])))
      {
        if (n++ == 0)
          add_block (self, BLOCK_HEADING, g_strdup (T (N_("Allergies and medicines"))));
        add_block (self, entry->emphasis ? BLOCK_STRONG : BLOCK_TEXT, dup_line (self, entry));
      }

  /* Who to call: the family's contacts in their order, then the centre's
   * 24-hour number and the family doctor. */
  add_block (self, BLOCK_HEADING, g_strdup (T (N_("Who to call, in this order"))));
  n = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      NhCardEntry *contact = g_ptr_array_index (entries, i);
      g_autofree char *value = NULL;

      if (contact->value == NULL || !g_str_equal (contact->paragraph, "contacts"))
        continue;
      value = dup_value (self, contact);
      /* Translators: one of the people to call, in order: "1. Jane Doe (mother), +44 7700 900123" */
      add_block (self, BLOCK_STRONG, g_strdup_printf (T (N_("%u. %s")), ++n, value));
    }
  if ((entry = find_entry (entries, "centre_phone")))
    {
      NhCardEntry *centre = find_entry (entries, "centre_name");
      g_autofree char *phone = dup_value (self, entry);
      g_autofree char *who = centre ? g_strdup_printf (T (N_("%s: %s")), T (N_("Immunology centre")),
                                                       centre->value)
                                    : g_strdup (T (N_("Immunology centre")));
      g_autofree char *labelled = g_strdup_printf (T (N_("%s: %s")), entry->label, phone);
      g_autofree char *line = g_strdup_printf (T (N_("%s, %s")), who, labelled);

      add_block (self, BLOCK_STRONG, g_strdup_printf (T (N_("%u. %s")), ++n, line));
    }
  if ((entry = find_entry (entries, "gp")))
    {
      g_autofree char *line = dup_line (self, entry);

      add_block (self, BLOCK_TEXT, g_strdup_printf (T (N_("%u. %s")), ++n, line));
    }
  if (n == 0)
    add_block (self, BLOCK_TEXT, g_strdup (T (N_("No one to call is filled in on the emergency card yet."))));

  add_block (self, BLOCK_WRITE_IN, g_strdup (T (N_("Signed (parent or carer):"))));
  add_block (self, BLOCK_WRITE_IN, g_strdup (T (N_("Date:"))));

  add_block (self, BLOCK_SMALL, g_strdup (nh_edition_get_disclaimer (self->edition)));
  add_block (self, BLOCK_SMALL, g_strdup (nh_edition_get_source_credit (self->edition)));
}

static PangoContext *
create_context (NhEdition *edition)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, nh_edition_is_rtl (edition) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  cairo_font_options_destroy (options);

  return context;
}

static double
block_size (BlockKind kind,
            double    font)
{
  switch (kind)
    {
    case BLOCK_TITLE:
      return font * 1.6;
    case BLOCK_HEADING:
      return font * 1.15;
    case BLOCK_SMALL:
      return MAX (7.0, font * 0.72);
    case BLOCK_TEXT:
    case BLOCK_STRONG:
    case BLOCK_BULLET:
    case BLOCK_WRITE_IN:
    default:
      return font;
    }
}

static PangoLayout *
block_layout (NhLetterRender *self,
              Block          *block,
              double          font,
              double          width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (FONT_FAMILY);
  gboolean rtl = nh_edition_is_rtl (self->edition);
  gboolean bold = block->kind == BLOCK_TITLE || block->kind == BLOCK_HEADING ||
                  block->kind == BLOCK_STRONG || block->kind == BLOCK_WRITE_IN;
  double indent = block->kind == BLOCK_BULLET ? font * 1.2 : 0;

  pango_font_description_set_absolute_size (description, block_size (block->kind, font) * PANGO_SCALE);
  pango_font_description_set_weight (description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int)((width - indent) * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, 1.15);
  /* Plain text, never markup: names and notes are as typed. */
  pango_layout_set_text (layout, block->text, -1);

  return layout;
}

static double
block_space (BlockKind kind,
             double    font)
{
  switch (kind)
    {
    case BLOCK_TITLE:
      return 0;
    case BLOCK_HEADING:
      return font * 1.1;
    case BLOCK_WRITE_IN:
      return font * 2.2;
    case BLOCK_SMALL:
      return font * 0.5;
    case BLOCK_TEXT:
    case BLOCK_STRONG:
    case BLOCK_BULLET:
    default:
      return font * 0.45;
    }
}

static double
block_height (NhLetterRender *self,
              Block          *block,
              double          font,
              double          width)
{
  g_autoptr(PangoLayout) layout = block_layout (self, block, font, width);

  return nh_render_layout_height (layout);
}

/* Splits the blocks into pages at @font; returns how many. */
static guint
paginate (NhLetterRender *self,
          double          font,
          double          width,
          double          height,
          GArray         *pages)
{
  double room = height - 2 * MARGIN - 14;   /* less the page footer */
  double y = 0;
  Page page = { 0, 0 };

  g_array_set_size (pages, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double need = (i > page.first ? block_space (block->kind, font) : 0) +
                    block_height (self, block, font, width - 2 * MARGIN);

      /* A heading stays with what follows it. */
      if (block->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        need += block_space (BLOCK_TEXT, font) +
                block_height (self, g_ptr_array_index (self->blocks, i + 1), font, width - 2 * MARGIN);

      if (y + need > room && i > page.first)
        {
          page.end = i;
          g_array_append_val (pages, page);
          page.first = i;
          y = 0;
          need = block_height (self, block, font, width - 2 * MARGIN);
        }

      if (block->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        need -= block_space (BLOCK_TEXT, font) +
                block_height (self, g_ptr_array_index (self->blocks, i + 1), font, width - 2 * MARGIN);
      y += need;
    }

  page.end = self->blocks->len;
  g_array_append_val (pages, page);

  return pages->len;
}

static void
ensure_pages (NhLetterRender *self,
              double          width,
              double          height)
{
  if (self->pages->len > 0 && self->planned_width == width && self->planned_height == height)
    return;

  self->planned_width = width;
  self->planned_height = height;

  for (self->font = LARGEST; self->font > SMALLEST; self->font -= 0.5)
    if (paginate (self, self->font, width, height, self->pages) == 1)
      return;

  self->font = SMALLEST;
  paginate (self, self->font, width, height, self->pages);
}

/**
 * nh_letter_render_new:
 * @paper: A4 or Letter
 *
 * A snapshot of the card: later changes to it do not show.
 */
NhLetterRender *
nh_letter_render_new (NhCard        *card,
                      NhEdition     *edition,
                      const NhPaper *paper)
{
  NhLetterRender *self;

  g_return_val_if_fail (NH_IS_CARD (card), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (paper != NULL, NULL);

  self = g_new0 (NhLetterRender, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->card = nh_card_copy (card);
  self->edition = g_object_ref (edition);
  self->paper = paper;
  self->context = create_context (edition);
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  build_blocks (self);

  return self;
}

NhLetterRender *
nh_letter_render_ref (NhLetterRender *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
nh_letter_render_unref (NhLetterRender *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->card);
  g_clear_object (&self->edition);
  g_free (self);
}

const NhPaper *
nh_letter_render_get_paper (NhLetterRender *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->paper;
}

/* An NhCountPagesFunc: one page, unless the card holds a great deal. */
guint
nh_letter_render_count_pages (double   width,
                              double   height,
                              gpointer user_data)
{
  NhLetterRender *self = user_data;

  g_return_val_if_fail (self != NULL, 0);

  ensure_pages (self, width, height);

  return self->pages->len;
}

/* An NhDrawPageFunc. */
void
nh_letter_render_draw_page (cairo_t  *cr,
                            double    width,
                            double    height,
                            guint     page_number,
                            gpointer  user_data)
{
  NhLetterRender *self = user_data;
  g_autofree char *footer_text = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  Block footer_block = { BLOCK_SMALL, NULL };
  double text_width = width - 2 * MARGIN;
  double y = MARGIN;
  gboolean rtl;
  Page *page;

  g_return_if_fail (self != NULL);

  ensure_pages (self, width, height);
  page = &g_array_index (self->pages, Page, MIN (page_number, self->pages->len - 1));
  rtl = nh_edition_is_rtl (self->edition);

  cairo_save (cr);
  pango_cairo_update_context (cr, self->context);

  for (guint i = page->first; i < page->end; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      g_autoptr(PangoLayout) layout = block_layout (self, block, self->font, text_width);
      double indent = block->kind == BLOCK_BULLET ? self->font * 1.2 : 0;
      double layout_height = nh_render_layout_height (layout);

      if (i > page->first)
        y += block_space (block->kind, self->font);

      if (block->kind == BLOCK_TITLE)
        {
          /* A red rule above the title, like the card's band. */
          cairo_set_source_rgb (cr, BAND_RGB);
          cairo_rectangle (cr, MARGIN, y, text_width, 4);
          cairo_fill (cr);
          y += 10;
        }

      cairo_set_source_rgb (cr, block->kind == BLOCK_SMALL ? 0.3 : 0, block->kind == BLOCK_SMALL ? 0.3 : 0,
                            block->kind == BLOCK_SMALL ? 0.3 : 0);
      if (block->kind == BLOCK_HEADING || block->kind == BLOCK_TITLE)
        cairo_set_source_rgb (cr, block->kind == BLOCK_TITLE ? 0 : 0.55, 0, block->kind == BLOCK_TITLE ? 0 : 0.08);

      if (block->kind == BLOCK_BULLET)
        {
          g_autoptr(PangoLayout) bullet = pango_layout_copy (layout);

          pango_layout_set_width (bullet, -1);
          pango_layout_set_text (bullet, "•", -1);
          cairo_move_to (cr, rtl ? MARGIN + text_width - self->font * 0.6 : MARGIN, y);
          pango_cairo_show_layout (cr, bullet);
        }

      cairo_move_to (cr, MARGIN + (rtl ? 0 : indent), y);
      pango_cairo_show_layout (cr, layout);

      if (block->kind == BLOCK_WRITE_IN)
        {
          PangoRectangle logical;
          double from, to, line_y = y + layout_height - 1;

          pango_layout_get_pixel_extents (layout, NULL, &logical);
          /* The line to write on, after the label in its direction. */
          if (rtl)
            {
              from = MARGIN + text_width * 0.3;
              to = MARGIN + logical.x - 6;
            }
          else
            {
              from = MARGIN + logical.x + logical.width + 6;
              to = MARGIN + text_width * 0.7;
            }
          cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, MIN (from, to), line_y);
          cairo_line_to (cr, MAX (from, to), line_y);
          cairo_stroke (cr);
        }

      y += layout_height;
    }

  /* "NEMO Handbook · <whose edition> · Page 1 of 1" */
  footer_text = nh_render_dup_page_footer (self->edition, page_number, self->pages->len);
  footer_block.text = footer_text;
  footer = block_layout (self, &footer_block, self->font, text_width);
  cairo_set_source_rgb (cr, FOOTER_RGB);
  cairo_move_to (cr, MARGIN, height - MARGIN);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
}

gboolean
nh_letter_render_export (NhLetterRender  *self,
                         const char      *path,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return nh_pdf_write (path, self->paper->width, self->paper->height,
                       nh_letter_render_count_pages (self->paper->width, self->paper->height, self),
                       nh_letter_render_draw_page, self, error);
}
