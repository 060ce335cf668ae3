/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-lock-screen.c: the emergency card as a phone's lock-screen image
 *
 * Many parents keep emergency details on the lock screen, where staff can
 * read them without unlocking the phone. The image is white and amber text
 * on black, as large as the room allows, in one or two languages. The top
 * quarter stays empty for the clock and the bottom tenth for the phone's
 * own buttons. It shows only the sections of the card (nh-card-layout.c)
 * the family chose (nh_card_get_lock_screen_shows()), since strangers see
 * a lock screen; what does not fit even at the smallest size is left out
 * whole, least important first, under a line saying that the printed card
 * has more.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "nh-lock-screen.h"
#include "nh-render-text.h"

#define FONT_FAMILY  "Sans"
#define BAND_RGB     0.647, 0.114, 0.176
#define LABEL_RGB    1.0, 0.82, 0.40     /* amber: labels, apart from the values */
#define FOOTER_RGB   0.75, 0.75, 0.75

/* Text sizes as shares of the image's width: the largest, and the smallest
 * still easy to read on a phone held at arm's length. */
#define VALUE_LARGEST  0.060
#define VALUE_SMALLEST 0.034
#define LABEL_SHARE    0.72

typedef struct
{
  const char     *id;      /* the printed line's id */
  const char     *section;
  char           *label;
  char           *value;
  gboolean        emphasis;
  NhCardPriority  priority;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->label);
  g_free (line->value);
  g_free (line);
}

/**
 * nh_lock_screen_parse_size:
 * @text: "1080x2340"
 *
 * Returns: whether @text is a width and a height in pixels, each from 240
 *   to 8000
 */
gboolean
nh_lock_screen_parse_size (const char *text,
                           int        *width,
                           int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, "x", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 240, 8000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 240, 8000, &h, NULL))
    return FALSE;

  *width = (int)w;
  *height = (int)h;

  return TRUE;
}

/* The lines of the sections the family chose, in the order staff read them;
 * labels in both languages on a travel image. */
static GPtrArray *
collect_lines (NhCard    *card,
               NhEdition *edition,
               NhEdition *second)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  const char * const *sections = nh_card_layout_get_sections ();
  gboolean rtl = nh_edition_is_rtl (edition);
  g_autoptr(GPtrArray) entries = nh_card_dup_entries (card, edition, NH_CARD_FRONT, FALSE);
  g_autoptr(GPtrArray) back = nh_card_dup_entries (card, edition, NH_CARD_BACK, FALSE);
  g_autoptr(GPtrArray) others = NULL;

  g_ptr_array_set_free_func (back, NULL);
  g_ptr_array_extend_and_steal (entries, g_steal_pointer (&back));

  if (second != NULL)
    {
      g_autoptr(GPtrArray) other_back = nh_card_dup_entries (card, second, NH_CARD_BACK, FALSE);

      others = nh_card_dup_entries (card, second, NH_CARD_FRONT, FALSE);
      g_ptr_array_set_free_func (other_back, NULL);
      g_ptr_array_extend_and_steal (others, g_steal_pointer (&other_back));
    }

  for (guint s = 0; sections[s] != NULL; s++)
    {
      if (!nh_card_get_lock_screen_shows (card, sections[s]))
        continue;

      for (guint i = 0; i < entries->len; i++)
        {
          NhCardEntry *entry = g_ptr_array_index (entries, i);
          NhCardEntry *other = others != NULL ? g_ptr_array_index (others, i) : NULL;
          Line *line;

          if (entry->value == NULL || !g_str_equal (entry->section, sections[s]))
            continue;

          line = g_new0 (Line, 1);
          if (other != NULL && !g_str_equal (other->label, entry->label))
            {
              g_autofree char *isolated = nh_text_isolate_in (other->label, rtl);

              line->label = g_strdup_printf ("%s / %s", entry->label, isolated);
            }
          else
            line->label = g_strdup (entry->label);
          line->value = nh_render_dup_value_run (entry->value, rtl);
          line->id = entry->id;
          line->section = entry->section;
          line->emphasis = entry->emphasis;
          line->priority = entry->priority;
          g_ptr_array_add (lines, line);
        }
    }

  return lines;
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold,
            double      width,
            gboolean    rtl)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_context_set_base_dir (pango_layout_get_context (layout), rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  /* Plain text, never markup: it is what the family typed. */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* The height the lines take at @value_size, drawn at @y when @draw. */
static double
lay_out (cairo_t   *cr,
         GPtrArray *lines,
         double     value_size,
         double     x,
         double     y,
         double     width,
         gboolean   rtl,
         gboolean   draw)
{
  double top = y;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      g_autoptr(PangoLayout) label = new_layout (cr, line->label, value_size * LABEL_SHARE, TRUE, width, rtl);
      g_autoptr(PangoLayout) value = new_layout (cr, line->value, value_size, line->emphasis, width, rtl);

      if (draw)
        {
          cairo_set_source_rgb (cr, LABEL_RGB);
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, label);
        }
      y += nh_render_layout_height (label);

      if (draw)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, value);
        }
      y += nh_render_layout_height (value) + value_size * 0.55;
    }

  return y - top;
}

/* Of the lines that must not be dropped from a card, which a small lock
 * screen gives up first: more contacts, then the centre's name and the
 * child's; never the diagnosis, the allergies or the 24-hour number. */
static int
drop_rank (Line *line)
{
  int rank = 10 * line->priority;

  if (line->priority == NH_CARD_PRIORITY_ESSENTIAL)
    {
      if (g_str_equal (line->id, "diagnosis") || g_str_equal (line->id, "allergies") ||
          g_str_equal (line->id, "centre_phone"))
        return -1;
      if (g_str_equal (line->section, "call"))
        rank += g_str_equal (line->id, "centre_name") ? 2 : 3;
      else
        rank += 1;
    }

  return rank;
}

/* Drops the least important line, the last of its kind first. */
static gboolean
drop_one (GPtrArray *lines)
{
  int worst = -1;

  for (guint i = 0; i < lines->len; i++)
    if (drop_rank (g_ptr_array_index (lines, i)) >= 0 &&
        (worst < 0 || drop_rank (g_ptr_array_index (lines, i)) >= drop_rank (g_ptr_array_index (lines, worst))))
      worst = i;

  if (worst < 0 || lines->len < 2)
    return FALSE;

  g_ptr_array_remove_index (lines, worst);

  return TRUE;
}

/**
 * nh_lock_screen_draw:
 * @second: (nullable): a second language for the labels, or NULL
 *
 * Draws the image in @width x @height pixels at the origin.
 */
void
nh_lock_screen_draw (NhCard    *card,
                     NhEdition *edition,
                     NhEdition *second,
                     cairo_t   *cr,
                     double     width,
                     double     height)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(PangoLayout) band = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoLayout) more = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer_text = NULL;
  gboolean rtl;
  double pad, top, bottom, x, text_width, band_font, band_height, size, room;
  gboolean dropped = FALSE;

  g_return_if_fail (NH_IS_CARD (card));
  g_return_if_fail (NH_IS_EDITION (edition));
  g_return_if_fail (second == NULL || NH_IS_EDITION (second));

  rtl = nh_edition_is_rtl (edition);
  lines = collect_lines (card, edition, second);
  pad = width * 0.07;
  x = pad;
  text_width = width - 2 * pad;
  /* The clock has the top quarter; the phone's buttons the bottom tenth. */
  top = height * 0.26;
  bottom = height * 0.90;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  if (second != NULL && !g_str_equal (nh_edition_get_card_title (edition), nh_edition_get_card_title (second)))
    title = g_strdup_printf ("%s · %s", nh_edition_get_card_title (edition), nh_edition_get_card_title (second));
  else
    title = g_strdup (nh_edition_get_card_title (edition));
  /* The title on one line where it can be: smaller rather than broken. */
  for (band_font = width * 0.052; ; band_font *= 0.94)
    {
      g_clear_object (&band);
      band = new_layout (cr, title, band_font, TRUE, text_width - band_font, rtl);
      if (pango_layout_get_line_count (band) == 1 || band_font < width * 0.036)
        break;
    }
  band_height = nh_render_layout_height (band) + band_font * 0.8;
  cairo_set_source_rgb (cr, BAND_RGB);
  cairo_rectangle (cr, pad * 0.6, top, width - 1.2 * pad, band_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + band_font / 2, top + band_font * 0.4);
  pango_cairo_show_layout (cr, band);
  top += band_height + width * 0.05;

  footer_text = nh_card_dup_footer (card, edition, FALSE);
  footer = new_layout (cr, footer_text, width * 0.026, FALSE, text_width, rtl);
  bottom -= nh_render_layout_height (footer) + width * 0.02;
  more = new_layout (cr, nh_edition_gettext (edition, N_("More on the printed emergency card.")),
                     width * VALUE_SMALLEST * LABEL_SHARE, TRUE, text_width, rtl);

  /* The largest text that holds every line; else the smallest, and the
   * least important lines left out. */
  room = bottom - top;
  for (size = width * VALUE_LARGEST; size > width * VALUE_SMALLEST; size *= 0.94)
    if (lay_out (cr, lines, size, x, top, text_width, rtl, FALSE) <= room)
      break;
  size = MAX (size, width * VALUE_SMALLEST);
  while (lay_out (cr, lines, size, x, top, text_width, rtl, FALSE) >
           room - (dropped ? nh_render_layout_height (more) : 0) &&
         drop_one (lines))
    dropped = TRUE;

  top += lay_out (cr, lines, size, x, top, text_width, rtl, TRUE);

  if (nh_card_is_empty (card))
    {
      g_autoptr(PangoLayout) empty = new_layout (cr, nh_edition_gettext (edition, N_("Nothing has been filled in on this card yet.")),
                                                 width * VALUE_SMALLEST, FALSE, text_width, rtl);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x, top);
      pango_cairo_show_layout (cr, empty);
    }

  if (dropped)
    {
      cairo_set_source_rgb (cr, LABEL_RGB);
      cairo_move_to (cr, x, bottom - nh_render_layout_height (more));
      pango_cairo_show_layout (cr, more);
    }

  cairo_set_source_rgb (cr, FOOTER_RGB);
  cairo_move_to (cr, x, bottom + width * 0.02);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
}

/**
 * nh_lock_screen_export:
 *
 * Writes the image as a PNG of @width x @height pixels.
 */
gboolean
nh_lock_screen_export (NhCard      *card,
                       NhEdition   *edition,
                       NhEdition   *second,
                       int          width,
                       int          height,
                       const char  *path,
                       GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (NH_IS_CARD (card), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  nh_lock_screen_draw (card, edition, second, cr, width, height);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the image “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
