/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-identity-block.c: who the printout is about, from the emergency card
 *
 * A framed block at the top of a filled printout, so that a doctor handed
 * the sheet knows whose it is: name, date of birth, weight with its date,
 * diagnosis, allergies, immunoglobulin, preventive antibiotics and the
 * centre's 24-hour number. The lines come from the card (through
 * nh_card_dup_entries(), in the edition's language); a line the card does
 * not fill, or every line of an empty card, is a line to write on.
 *
 * Labels sit in the start column and values beside them; right-to-left
 * editions mirror the columns.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "nh-identity-block.h"
#include "nh-render-text.h"

/* What staff need first, in this order. */
static const char * const wanted[] = {
  "name", "birth_date", "weight", "diagnosis", "allergies", "ig", "antibiotics", "centre_phone",
};

typedef struct
{
  char     *label;
  char     *value;  /* NULL: a line to write on */
  gboolean  emphasis;
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_clear_pointer (&line->label, g_free);
  g_clear_pointer (&line->value, g_free);
}

static NhCardEntry *
find_entry (GPtrArray  *entries,
            const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      NhCardEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->id, id) == 0)
        return entry;
    }

  return NULL;
}

static GArray *
collect_lines (NhCard    *card,
               NhEdition *edition)
{
  g_autoptr(NhCard) empty = NULL;
  g_autoptr(GPtrArray) front = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) blank_front = NULL;
  g_autoptr(GPtrArray) blank_back = NULL;
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  gboolean blank;

  g_array_set_clear_func (lines, line_clear);

  if (card == NULL)
    card = empty = nh_card_new (NULL);

  blank = nh_card_is_empty (card);
  front = nh_card_dup_entries (card, edition, NH_CARD_FRONT, blank);
  back = nh_card_dup_entries (card, edition, NH_CARD_BACK, blank);
  /* Labels for the lines a filled card leaves empty. */
  blank_front = nh_card_dup_entries (card, edition, NH_CARD_FRONT, TRUE);
  blank_back = nh_card_dup_entries (card, edition, NH_CARD_BACK, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      NhCardEntry *entry = find_entry (front, wanted[i]);
      Line line = { 0 };

      if (entry == NULL)
        entry = find_entry (back, wanted[i]);
      if (entry == NULL)
        entry = find_entry (blank_front, wanted[i]);
      if (entry == NULL)
        entry = find_entry (blank_back, wanted[i]);
      if (entry == NULL)
        continue;

      line.label = g_strdup (entry->label);
      /* In a right-to-left edition a value such as "18 kg" still sits at
       * the start of its column, by the label: a right-to-left mark opens
       * the paragraph. */
      if (entry->value != NULL && *entry->value)
        line.value = nh_edition_is_rtl (edition) ? g_strconcat ("\u200f", entry->value, NULL)
                                                 : g_strdup (entry->value);
      line.emphasis = g_str_equal (wanted[i], "name") || g_str_equal (wanted[i], "allergies");
      g_array_append_val (lines, line);
    }

  return lines;
}

typedef struct
{
  PangoContext *context;
  double        body;
  double        pad;
  double        label_width;
  double        value_width;
  double        title_height;
} Metrics;

static void
metrics_init (Metrics      *metrics,
              PangoContext *context,
              NhEdition    *edition,
              double        body,
              double        width)
{
  g_autoptr(PangoLayout) title = NULL;

  metrics->context = context;
  metrics->body = body;
  metrics->pad = body * 0.6;
  metrics->label_width = (width - 3 * metrics->pad) * 0.34;
  metrics->value_width = width - 3 * metrics->pad - metrics->label_width;
  title = nh_render_text_layout (context, "Sans",
                                 nh_edition_gettext (edition, N_("Patient")),
                                 body * 1.1, TRUE, width - 2 * metrics->pad);
  metrics->title_height = nh_render_layout_height (title) + metrics->pad * 0.5;
}

static PangoLayout *
label_layout (Metrics    *metrics,
              const Line *line)
{
  return nh_render_text_layout (metrics->context, "Sans", line->label, metrics->body,
                                TRUE, metrics->label_width);
}

static PangoLayout *
value_layout (Metrics    *metrics,
              const Line *line)
{
  return nh_render_text_layout (metrics->context, "Sans", line->value ? line->value : "",
                                line->emphasis ? metrics->body * 1.15 : metrics->body,
                                line->emphasis, metrics->value_width);
}

static double
line_height (Metrics    *metrics,
             const Line *line)
{
  g_autoptr(PangoLayout) label = label_layout (metrics, line);
  g_autoptr(PangoLayout) value = value_layout (metrics, line);
  double height = MAX (nh_render_layout_height (label), nh_render_layout_height (value));

  /* Room to write by hand. */
  if (line->value == NULL)
    height = MAX (height, metrics->body * 2);

  return height + metrics->pad * 0.5;
}

/**
 * nh_identity_block_measure:
 * @card: (nullable): the emergency card; NULL or empty gives write-in lines
 * @edition: the printout's edition, for its language
 * @body: the body text size, in points
 * @width: the block's width
 *
 * Returns: the height nh_identity_block_draw() takes
 */
double
nh_identity_block_measure (PangoContext *context,
                           NhCard       *card,
                           NhEdition    *edition,
                           double        body,
                           double        width)
{
  g_autoptr(GArray) lines = NULL;
  Metrics metrics;
  double height;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (NH_IS_EDITION (edition), 0);

  lines = collect_lines (card, edition);
  metrics_init (&metrics, context, edition, body, width);
  height = 2 * metrics.pad + metrics.title_height;

  for (guint i = 0; i < lines->len; i++)
    height += line_height (&metrics, &g_array_index (lines, Line, i));

  return height;
}

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       left,
         double       y)
{
  cairo_move_to (cr, left, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * nh_identity_block_draw:
 * @x: the left edge of the block, @y its top
 *
 * Draws the block nh_identity_block_measure() measured, framed.
 */
void
nh_identity_block_draw (cairo_t      *cr,
                        PangoContext *context,
                        NhCard       *card,
                        NhEdition    *edition,
                        double        body,
                        double        x,
                        double        y,
                        double        width)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(PangoLayout) title = NULL;
  gboolean rtl;
  Metrics metrics;
  double height;
  double top;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (NH_IS_EDITION (edition));

  rtl = nh_edition_is_rtl (edition);
  lines = collect_lines (card, edition);
  metrics_init (&metrics, context, edition, body, width);
  height = nh_identity_block_measure (context, card, edition, body, width);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, x, y, width, height - metrics.pad * 0.5);
  cairo_stroke (cr);

  title = nh_render_text_layout (context, "Sans", nh_edition_gettext (edition, N_("Patient")),
                                 body * 1.1, TRUE, width - 2 * metrics.pad);
  show_at (cr, title, x + metrics.pad, y + metrics.pad);
  top = y + metrics.pad + metrics.title_height;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autoptr(PangoLayout) label = label_layout (&metrics, line);
      g_autoptr(PangoLayout) value = value_layout (&metrics, line);
      double h = line_height (&metrics, line);
      double label_x = rtl ? x + width - metrics.pad - metrics.label_width : x + metrics.pad;
      double value_x = rtl ? x + metrics.pad : x + 2 * metrics.pad + metrics.label_width;

      show_at (cr, label, label_x, top);
      if (line->value != NULL)
        show_at (cr, value, value_x, top);
      else
        {
          cairo_save (cr);
          cairo_set_line_width (cr, 0.5);
          cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
          cairo_move_to (cr, value_x, top + h - metrics.pad);
          cairo_line_to (cr, value_x + metrics.value_width, top + h - metrics.pad);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      top += h;
    }

  cairo_restore (cr);
}
