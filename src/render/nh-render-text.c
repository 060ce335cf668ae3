/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-render-text.c: the text blocks every printout is made of
 *
 * Printouts measure a block of text before they place it, so that a page
 * break never cuts through one. These are the two steps they share.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <pango/pangocairo.h>

#include "nh-render-text.h"

/**
 * nh_render_context_new:
 *
 * The Pango context every printout lays its text out with: 72 dpi, so a
 * point is a Pango point, and unhinted metrics without rounded glyph
 * positions, so line breaks and page counts are the same on screen, in
 * the print dialog and in a PDF, whatever surface draws them.
 *
 * Returns: (transfer full)
 */
PangoContext *
nh_render_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

/**
 * nh_render_text_layout:
 * @context: the printout's Pango context
 * @family: a font family, such as "Sans"
 * @text: (nullable): plain text, never interpreted as markup
 * @size: in points
 * @width: the width to wrap at, in points
 *
 * Returns: (transfer full): @text, wrapped between words (or inside a word
 *   too long for a line) at @width
 */
PangoLayout *
nh_render_text_layout (PangoContext *context,
                       const char   *family,
                       const char   *text,
                       double        size,
                       gboolean      bold,
                       double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  /* Plain text, never markup. */
  pango_layout_set_text (layout, text ? text : "", -1);

  return layout;
}

/* The height of @layout, in points. */
double
nh_render_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double)height / PANGO_SCALE;
}

/**
 * nh_render_dup_page_footer:
 * @page: counted from 0
 *
 * What every printout's page says at its foot, in @edition's language:
 * "NEMO Handbook · <whose edition> · Page 1 of 2", so that a group's
 * edition is never taken for the built-in one, or the other way round.
 *
 * Returns: (transfer full)
 */
char *
nh_render_dup_page_footer (NhEdition *edition,
                           guint      page,
                           guint      n_pages)
{
  g_autofree char *stamp = nh_edition_dup_stamp (edition);

  /* Translators: footer of printouts: "<edition title> · <whose edition> · Page 1 of 2" */
  return g_strdup_printf (nh_edition_gettext (edition, N_("%s · %s · Page %u of %u")),
                          nh_edition_get_title (edition), stamp, page + 1, n_pages);
}

/* Whether @value's own words run right to left: its first letter outside
 * the parts already set apart ("14.5 kg (قيس في …)" runs as the line
 * around "14.5 kg" does); a value made only of set-apart parts, as a phone
 * number, runs as they do. */
static gboolean
value_runs_rtl (const char *value)
{
  guint depth = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2066 || c == 0x2067 || c == 0x2068)
        depth++;
      else if (c == 0x2069 && depth > 0)
        depth--;
      else if (depth == 0 && g_unichar_isalpha (c))
        return g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC ||
               g_unichar_get_script (c) == G_UNICODE_SCRIPT_HEBREW;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC ||
               g_unichar_get_script (c) == G_UNICODE_SCRIPT_HEBREW;
    }

  return FALSE;
}

/**
 * nh_render_dup_value_run:
 * @value: a value as shown: a date, a weight, a name, a phone number
 * @rtl: whether the line it goes in runs right to left
 *
 * @value as one run in its own direction in a line running @rtl, set apart
 * in a Unicode isolate where it runs the other way, so that its digits
 * stay with it and not with a label in another script beside it.
 *
 * Returns: (transfer full)
 */
char *
nh_render_dup_value_run (const char *value,
                         gboolean    rtl)
{
  gboolean value_rtl = value_runs_rtl (value);

  if (value_rtl == rtl)
    return g_strdup (value);

  return g_strconcat (value_rtl ? "\u2067" : "\u2066", value, "\u2069", NULL);
}
