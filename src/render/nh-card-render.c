/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-render.c: the emergency card on paper and in the preview
 *
 * One drawing function per side serves the editor's preview, the print
 * dialog and the PDF export. A side is a red band with the title, the
 * card's lines, most important first, and a footer with the edition and
 * the card's version. Text that does not fit is made smaller, down to
 * 6 pt; what still does not fit goes on on the back under a note saying
 * so, and what does not fit on the back is left out under a note saying
 * that. Nothing is cut off without a word.
 *
 * Pages: the wallet card (ID-1) as two pages, front and back, with a
 * rounded cut guide; A4 or Letter sheets with front and back side by side
 * to cut out and fold, with crop and fold marks; A6 with both sides on one
 * page.
 *
 * Layouts use unhinted font metrics at 72 dpi, so line breaks are the same
 * on screen, on paper and in a PDF.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "nh-card-render.h"
#include "model/nh-card-layout.h"
#include "nh-pdf.h"
#include "nh-qr.h"
#include "nh-render-measures.h"
#include "nh-render-text.h"

/* ISO/IEC 7810 ID-1 in points, landscape; the corner radius of a bank card. */
#define CARD_WIDTH   NH_MM_TO_PT (85.6)
#define CARD_HEIGHT  NH_MM_TO_PT (54)
#define CARD_RADIUS  NH_MM_TO_PT (3.18)

#define FONT_FAMILY  "Sans"
#define FONT_STEP    0.25
#define BAND_FONT    7.5
#define LINE_SPACING 1.2

#define BAND_RGB     0.647, 0.114, 0.176   /* a dark red that prints as dark grey */
#define NOTE_RGB     0.55, 0.06, 0.10
#define FOOTER_RGB   0.30, 0.30, 0.30
#define GUIDE_RGB    NH_GREY_GUIDE, NH_GREY_GUIDE, NH_GREY_GUIDE

/* Printed words are in the edition's language, which may not be the
 * desktop's. */
#define T(msgid) nh_edition_gettext (self->edition, msgid)

typedef enum
{
  ITEM_TEXT,
  ITEM_BULLET,
  ITEM_WRITE_IN,
  ITEM_NOTE,
} ItemKind;

typedef struct
{
  ItemKind  kind;
  char     *markup;
  char     *second;        /* a write-in's second label on the same line, or NULL */
  guint     write_lines;
  NhCardPriority priority; /* how soon it moves when room runs out */
  char     *labels;        /* its lines' labels, for telling what moved; or NULL */
  guint     order;         /* where it was: side * 1000 + index */
  gboolean  optional;      /* a blank card's further contact: printed where there is room, else left off */
} Item;

typedef struct
{
  PangoLayout *layout;     /* NULL: a bare line to write on */
  PangoLayout *second;     /* a second label further along the line */
  double       second_x;
  int          line;
  double       x;
  double       height;
  double       baseline;   /* from the top of the row */
  double       rule_from;  /* a line to write on, from and to; from < 0 for none */
  double       rule_to;
  double       rule2_from; /* after the second label */
  double       rule2_to;
  double       space;      /* above the row: between items */
  guint        item;
  gboolean     first;      /* the first row of its item */
} Row;

typedef struct
{
  double       font;
  double       spacing;
  GArray      *rows;       /* Row */
  PangoLayout *note;       /* "continued on the back", "not all fits", or NULL */
} SidePlan;

typedef struct
{
  double    width;
  double    height;
  SidePlan  sides[6];       /* the front and back of the card, and of a second and third one */
  guint     n_cards;        /* 2 or 3 when some lines go on on further cards */
  gboolean  second_back;    /* the last of several cards has a back, too */
  GPtrArray *moved;         /* the labels of the lines on the second card */
  NhCardFit fit;
} Plan;

struct _NhCardRender
{
  gatomicrefcount  ref_count;
  NhCard          *card;
  NhEdition       *edition;
  NhEdition       *second;    /* a second language for travel, or NULL */
  const NhPaper   *paper;
  gboolean         blank;
  PangoContext    *context;
  char            *qr_text;   /* NULL: no QR code asked for */
  NhQr            *qr;        /* NULL: none, or the text is too long */
  guint            qr_side;   /* the side the code is on: 1, the back, or 3, the second card's */
  Plan            *plan;      /* for the last size drawn */
};

/* Geometry of one side, in points, from its size. */
typedef struct
{
  double scale;
  double margin;
  double band_height;
  double content_x;
  double text_x;              /* where the text column starts */
  double content_y;
  double content_width;
  double content_height;
  double text_width;          /* content_width less the QR code's column */
  double qr_size;
  double qr_x;
  double footer_y;
} SideBox;

static void
item_free (gpointer data)
{
  Item *item = data;

  if (item == NULL)
    return;

  g_free (item->markup);
  g_free (item->second);
  g_free (item->labels);
  g_free (item);
}

static Item *
item_new (ItemKind    kind,
          char       *markup,   /* transfer full */
          guint       write_lines)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->markup = markup;
  item->write_lines = write_lines;

  return item;
}

/* The whole item: a second label on its line, too, is never lost. */
static Item *
item_copy (const Item *item)
{
  Item *copy = g_memdup2 (item, sizeof *item);

  copy->markup = g_strdup (item->markup);
  copy->second = g_strdup (item->second);
  copy->labels = g_strdup (item->labels);

  return copy;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Item, item_free)

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->layout);
  g_clear_object (&row->second);
}

static void
side_plan_clear (SidePlan *side)
{
  g_clear_pointer (&side->rows, g_array_unref);
  g_clear_object (&side->note);
}

static void
plan_free (Plan *plan)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan->sides); i++)
    side_plan_clear (&plan->sides[i]);
  g_clear_pointer (&plan->moved, g_ptr_array_unref);
  g_free (plan);
}

static PangoContext *
create_context (void)
{
  return nh_render_context_new ();
}

static PangoLayout *
new_layout (NhCardRender *self,
            const char   *markup,
            double        size,
            double        width,
            gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  /* A little tighter than the font's own lines, which are made for screens. */
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);

  return (double)width / PANGO_SCALE;
}

/* Room for handwriting above a line on a blank card, on paper (a card is
 * drawn at the size it is printed): at least 6 mm, with a little to spare
 * for the printer. */
#define WRITE_IN_ROOM NH_MM_TO_PT (6.1)

/* From the top of a row to its line to write on. */
static double
write_in_height (double font,
                 double scale)
{
  return MAX (font * 1.6, WRITE_IN_ROOM);
}

/* The line is drawn this far below the baseline of its label. */
static double
rule_offset (double scale)
{
  return 1.0 * scale;
}

/* The smallest QR module a phone camera reads well from paper, and the
 * size aimed at: on A6 there is room for a larger code. */
#define QR_MIN_MODULE  NH_MM_TO_PT (0.33)
#define QR_WALLET_MODULE NH_MM_TO_PT (0.36)
#define QR_A6_MODULE   NH_MM_TO_PT (0.55)
/* At most this share of the back's width goes to the code. */
#define QR_MAX_SHARE   0.45

static gboolean is_a6 (NhCardRender *self);

/* The room for the code on the back, in points at the card's size. */
static double
qr_room (double content_width,
         double content_height)
{
  return MIN (content_height, content_width * QR_MAX_SHARE);
}

/* The geometry of a side: @index 0 and 1 are the card's front and back,
 * 2 and 3 those of a second card; only the first back has the QR code. */
static void
side_box (NhCardRender *self,
          guint         index,
          double        width,
          double        height,
          SideBox      *box)
{
  double scale = MIN (width / CARD_WIDTH, height / CARD_HEIGHT);
  double footer_font = MAX (NH_CARD_RENDER_MIN_FONT, 6.0 * scale);

  box->scale = scale;
  box->margin = 6.0 * scale;
  box->band_height = BAND_FONT * scale * 1.36 + 3.0 * scale;
  box->content_x = box->margin + 1.5 * scale;
  box->content_y = box->margin + box->band_height + 2.5 * scale;
  box->content_width = width - 2 * box->content_x;
  box->footer_y = height - box->margin - footer_font * 1.4;
  box->content_height = box->footer_y - 1.5 * scale - box->content_y;
  box->text_width = box->content_width;
  box->text_x = box->content_x;
  box->qr_x = 0;
  box->qr_size = 0;

  if (index == self->qr_side && self->qr != NULL)
    {
      double modules = nh_qr_get_modules (self->qr) + 2 * NH_QR_QUIET_ZONE;
      double aim = is_a6 (self) ? QR_A6_MODULE : QR_WALLET_MODULE;

      /* As large as aimed at where there is room, never under the smallest
       * module (choose_qr() chose a text that fits so). A side is drawn at
       * the size it is printed, so points here are points on paper. */
      box->qr_size = MAX (modules * QR_MIN_MODULE,
                          MIN (modules * aim, qr_room (box->content_width, box->content_height)));
      box->text_width = box->content_width - box->qr_size - 2.0 * scale;
      /* The code on the side where lines end. */
      if (nh_edition_is_rtl (self->edition))
        {
          box->qr_x = box->content_x;
          box->text_x = box->content_x + box->qr_size + 2.0 * scale;
        }
      else
        box->qr_x = box->content_x + box->text_width + 2.0 * scale;
    }
}

/* "24-hour phone:" as one unbreakable word: a label split over two lines
 * is hard to read. */
static char *
dup_label (NhEdition  *edition,
           const char *label)
{
  /* Translators: a label on the card, before its text: "Name:" */
  g_autofree char *with_colon = g_strdup_printf (nh_edition_gettext (edition, N_("%s:")), label);
  g_auto(GStrv) words = g_strsplit (with_colon, " ", -1);
  g_autofree char *joined = g_strjoinv ("\u00a0", words);
  g_auto(GStrv) parts = g_strsplit (joined, "-", -1);

  return g_strjoinv ("\u2011", parts);
}

/* "Name / Nombre": @first and, where it says something else, @second,
 * set apart when it runs the other way from the line (a value beside it
 * then keeps its own order: "Date of birth / تاريخ الميلاد 14 Aug 2022"). */
static char *
dup_both_languages (NhCardRender *self,
                    const char   *first,
                    const char   *second)
{
  g_autofree char *other = NULL;

  if (second == NULL || g_str_equal (first, second))
    return g_strdup (first);

  other = nh_text_isolate_in (second, nh_edition_is_rtl (self->edition));

  return g_strdup_printf ("%s / %s", first, other);
}

/* A line's label with its colon: on a travel card in both languages, each
 * in its own direction, the colon with the second, next to the value. */
static char *
dup_entry_label (NhCardRender *self,
                 const char   *first,
                 const char   *second)
{
  g_autofree char *label = NULL;
  g_autofree char *isolated = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;

  if (second == NULL || self->second == NULL || g_str_equal (first, second))
    return dup_label (self->edition, first);

  label = dup_label (self->second, second);
  isolated = nh_text_isolate_in (label, nh_edition_is_rtl (self->edition));
  words = g_strsplit (first, " ", -1);
  joined = g_strjoinv ("\u00a0", words);

  return g_strdup_printf ("%s /\u00a0%s", joined, isolated);
}

/* "Label: value", the value one run in its own direction, so that digits
 * next to a label in another script stay with the value. */
static char *
entry_markup (NhCardRender *self,
              NhCardEntry  *entry)
{
  g_autofree char *with_colon = dup_entry_label (self, entry->label, entry->second_label);
  g_autofree char *value = nh_render_dup_value_run (entry->value, nh_edition_is_rtl (self->edition));

  return g_markup_printf_escaped (entry->emphasis ? "<b>%s</b> <b>%s</b>" : "<b>%s</b> %s",
                                  with_colon, value);
}

/* A blank card: after its contacts, a line for each further contact the
 * card holds (a filled card shows them when typed in). They are printed
 * where there is room and left off where there is not: the form's own
 * contact lines never make room for them. */
static void
add_further_contacts (NhCardRender *self,
                      GPtrArray    *items)
{
  const NhCardField *fields;
  guint n_fields;

  fields = nh_card_layout_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const NhCardField *field = &fields[i];
      const char *label;
      g_autofree char *both = NULL;
      Item *item;

      if (!g_str_equal (field->paragraph, "contacts") || field->part != NH_CARD_PART_VALUE ||
          field->write_lines > 0)
        continue;

      label = nh_card_layout_line_label (field);
      both = dup_entry_label (self, T (label),
                              self->second != NULL ? nh_edition_gettext (self->second, label) : NULL);
      item = item_new (ITEM_WRITE_IN, g_markup_printf_escaped ("<b>%s</b>", both), 1);
      item->priority = field->priority;
      item->labels = g_strdup (T (label));
      item->optional = TRUE;
      g_ptr_array_add (items, item);
    }
}

static void
add_entry_items (NhCardRender *self,
                 GPtrArray    *entries,
                 GPtrArray    *items)
{
  guint i = 0;

  while (i < entries->len)
    {
      NhCardEntry *entry = g_ptr_array_index (entries, i);
      const char *paragraph = entry->paragraph;
      g_autoptr(GString) markup = NULL;
      guint end = i + 1;

      if (entry->value == NULL)
        {
          if (self->blank)
            {
              g_autofree char *label = dup_entry_label (self, entry->label, entry->second_label);
              Item *item = item_new (ITEM_WRITE_IN, g_markup_printf_escaped ("<b>%s</b>", label),
                                     entry->write_lines);
              NhCardEntry *next = i + 1 < entries->len ? g_ptr_array_index (entries, i + 1) : NULL;

              item->priority = entry->priority;
              item->labels = g_strdup (entry->label);

              /* Two short ones share a line: date of birth and weight. */
              if (next != NULL && next->value == NULL && entry->short_line && next->short_line &&
                  g_str_equal (entry->paragraph, next->paragraph))
                {
                  g_autofree char *second = dup_entry_label (self, next->label, next->second_label);

                  item->second = g_markup_printf_escaped ("<b>%s</b>", second);
                  item->priority = MIN (item->priority, next->priority);
                  g_free (item->labels);
                  item->labels = g_strconcat (entry->label, T (N_(", ")), next->label, NULL);
                  i++;
                  next = i + 1 < entries->len ? g_ptr_array_index (entries, i + 1) : NULL;
                }
              g_ptr_array_add (items, item);

              if (g_str_equal (entry->paragraph, "contacts") &&
                  (next == NULL || !g_str_equal (next->paragraph, "contacts")))
                add_further_contacts (self, items);
            }
          i++;
          continue;
        }

      if (self->blank)
        {
          Item *item = item_new (ITEM_TEXT, entry_markup (self, entry), 0);

          item->priority = entry->priority;
          item->labels = g_strdup (entry->label);
          g_ptr_array_add (items, item);
          i++;
          continue;
        }

      /* Filled entries of the same paragraph that follow; empty ones are skipped. */
      while (end < entries->len &&
             g_str_equal (((NhCardEntry *)g_ptr_array_index (entries, end))->paragraph, paragraph))
        end++;

      markup = g_string_new (NULL);

      if (g_str_equal (paragraph, "contacts"))
        {
          guint n = 0;

          for (guint k = i; k < end; k++)
            n += ((NhCardEntry *)g_ptr_array_index (entries, k))->value != NULL;

          for (guint k = i; k < end; k++)
            {
              NhCardEntry *contact = g_ptr_array_index (entries, k);
              g_autofree char *value = NULL;

              if (contact->value == NULL)
                continue;

              if (markup->len == 0)
                {
                  g_autofree char *label = NULL;
                  g_autofree char *escaped = NULL;

                  /* Several contacts share one label; on a travel card in
                   * both languages, as every other label. */
                  if (n > 1)
                    label = dup_entry_label (self, T (N_("Emergency contacts")),
                                             self->second != NULL
                                               ? nh_edition_gettext (self->second, N_("Emergency contacts"))
                                               : NULL);
                  else
                    label = dup_entry_label (self, contact->label, contact->second_label);
                  escaped = g_markup_escape_text (label, -1);

                  g_string_append_printf (markup, "<b>%s</b> ", escaped);
                }
              else
                /* Translators: between two emergency contacts on one line */
                g_string_append (markup, T (N_("; ")));

              {
                g_autofree char *run = nh_render_dup_value_run (contact->value, nh_edition_is_rtl (self->edition));

                value = g_markup_escape_text (run, -1);
              }
              g_string_append (markup, value);
            }
        }
      else
        {
          for (guint k = i; k < end; k++)
            {
              NhCardEntry *part = g_ptr_array_index (entries, k);
              g_autofree char *part_markup = NULL;

              if (part->value == NULL)
                continue;

              if (markup->len > 0)
                /* A no-break space keeps the dot with the text before it. */
                g_string_append (markup, "\u00a0\u00b7 ");
              part_markup = entry_markup (self, part);
              g_string_append (markup, part_markup);
            }
        }

      {
        Item *item = item_new (ITEM_TEXT, g_string_free (g_steal_pointer (&markup), FALSE), 0);
        g_autoptr(GString) labels = g_string_new (NULL);

        item->priority = NH_CARD_PRIORITY_LOW;
        for (guint k = i; k < end; k++)
          {
            NhCardEntry *part = g_ptr_array_index (entries, k);

            if (part->value == NULL)
              continue;
            item->priority = MIN (item->priority, part->priority);
            if (labels->len > 0)
              g_string_append (labels, T (N_(", ")));
            g_string_append (labels, part->label);
          }
        item->labels = g_string_free (g_steal_pointer (&labels), FALSE);
        g_ptr_array_add (items, item);
      }
      i = end;
    }
}

/* "Name / Nom": every label in both languages, and the diagnosis the app
 * filled in, too, so staff abroad can read the card. */
static void
add_second_language (NhCardRender *self,
                     NhCardSide    side,
                     GPtrArray    *entries)
{
  g_autoptr(GPtrArray) second = nh_card_dup_entries (self->card, self->second, side, self->blank);
  const char *diagnosis = nh_edition_get_card_diagnosis_default (self->edition);
  /* The value shown is set apart for mixed directions: compare the text. */
  g_autofree char *typed = g_strstrip (g_strdup (nh_card_get_text (self->card, "diagnosis")));

  for (guint i = 0; i < entries->len && i < second->len; i++)
    {
      NhCardEntry *entry = g_ptr_array_index (entries, i);
      NhCardEntry *other = g_ptr_array_index (second, i);

      if (!g_str_equal (entry->id, other->id))
        continue;

      g_free (entry->second_label);
      entry->second_label = g_strdup (other->label);

      if (g_str_equal (entry->id, "diagnosis") && entry->value != NULL && g_str_equal (typed, diagnosis))
        {
          char *both = dup_both_languages (self, entry->value, nh_edition_get_card_diagnosis_default (self->second));

          g_free (entry->value);
          entry->value = both;
        }
    }
}

static char *
band_title (NhCardRender *self,
            guint         index)
{
  NhCardSide side = index % 2;
  const char *first = side == NH_CARD_FRONT ? nh_edition_get_card_title (self->edition)
                                            : T (N_("For hospital staff"));
  const char *other;

  g_autofree char *title = NULL;

  if (self->second == NULL)
    title = g_strdup (first);
  else
    {
      other = side == NH_CARD_FRONT ? nh_edition_get_card_title (self->second)
                                    : nh_edition_gettext (self->second, N_("For hospital staff"));
      title = g_str_equal (first, other) ? g_strdup (first) : g_strdup_printf ("%s · %s", first, other);
    }

  if (self->plan == NULL || self->plan->n_cards < 2)
    return g_steal_pointer (&title);

  /* Translators: the band of a card printed as two: "Emergency card · 1 of 2" */
  return g_strdup_printf (T (N_("%s · %u of %u")), title, index / 2 + 1, self->plan->n_cards);
}

/* A blank card from a group's edition: the contacts the group asks for
 * ("on_card") on the back, each with its note, labelled. */
static void
add_group_contact_items (NhCardRender *self,
                         GPtrArray    *items)
{
  for (guint i = 0; i < nh_edition_get_n_contacts (self->edition); i++)
    {
      const NhEditionContact *contact = nh_edition_get_contact (self->edition, i);
      g_autofree char *phone = NULL;
      char *markup;

      if (!contact->on_card || contact->phone == NULL)
        continue;

      phone = nh_text_isolate_ltr (contact->phone);
      if (contact->note != NULL)
        {
          g_autofree char *note = g_strdup_printf (T (N_("Note: %s")), contact->note);

          markup = g_markup_printf_escaped ("<b>%s:</b> %s\n<i>%s</i>", contact->name, phone, note);
        }
      else
        markup = g_markup_printf_escaped ("<b>%s:</b> %s", contact->name, phone);

      g_ptr_array_add (items, item_new (ITEM_TEXT, markup, 0));
    }
}

static GPtrArray *
side_items (NhCardRender *self,
            NhCardSide    side)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GPtrArray) entries = nh_card_dup_entries (self->card, self->edition, side, self->blank);

  if (self->second != NULL)
    add_second_language (self, side, entries);

  if (side == NH_CARD_BACK)
    {
      const char * const *instructions = nh_edition_get_card_instructions (self->edition);
      const char * const *second = self->second ? nh_edition_get_card_instructions (self->second) : NULL;
      guint n_second = second ? g_strv_length ((char **)second) : 0;

      /* The edition's standing instructions come first: they never get cut.
       * On a bilingual card each is followed by its translation. */
      for (guint i = 0; instructions && instructions[i]; i++)
        {
          if (i < n_second && !g_str_equal (instructions[i], second[i]))
            g_ptr_array_add (items, item_new (ITEM_BULLET,
                                              g_markup_printf_escaped ("•\u2002%s\n<i>%s</i>",
                                                                       instructions[i], second[i]),
                                              0));
          else
            g_ptr_array_add (items, item_new (ITEM_BULLET,
                                              g_markup_printf_escaped ("•\u2002%s", instructions[i]),
                                              0));
        }
    }

  /* Printed text the group asked for comes before the lines to fill in,
   * which shrink or go on under "not all fits" (never silently). */
  if (side == NH_CARD_BACK && self->blank)
    add_group_contact_items (self, items);

  add_entry_items (self, entries, items);

  return items;
}

static double
item_spacing (double font)
{
  return font * 0.25;
}

/* The rows of a layout, one per line; with @rule_after >= 0, the last line
 * gets a line to write on, after its text in its own direction. */
static void
add_text_rows (PangoLayout *layout,
               GArray      *rows,
               guint        item,
               double       rule_after,
               double       width)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n = pango_layout_get_line_count (layout);
  int line = 0;

  do
    {
      PangoRectangle logical;
      int y0, y1;
      Row row = { 0 };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);

      row.layout = g_object_ref (layout);
      row.line = line;
      row.x = (double)logical.x / PANGO_SCALE;
      row.height = (double)(y1 - y0) / PANGO_SCALE;
      row.baseline = (double)(pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
      row.rule_from = row.rule2_from = -1;
      row.item = item;
      row.first = line == 0;

      /* A write-in line follows the label's last line. */
      if (rule_after >= 0 && line == n - 1)
        {
          PangoLayoutLine *layout_line = pango_layout_iter_get_line_readonly (iter);

          if (pango_layout_line_get_resolved_direction (layout_line) == PANGO_DIRECTION_RTL)
            {
              row.rule_from = 0;
              row.rule_to = row.x - rule_after;
            }
          else
            {
              row.rule_from = row.x + (double)logical.width / PANGO_SCALE + rule_after;
              row.rule_to = width;
            }
        }

      g_array_append_val (rows, row);
      line++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
add_write_in_rows (NhCardRender *self,
                   Item         *item,
                   guint         index,
                   double        font,
                   double        width,
                   double        scale,
                   GArray       *rows)
{
  double height = write_in_height (font, scale);
  guint lines = scale >= 1.2 ? MAX (item->write_lines, 1) : 1;
  g_autoptr(PangoLayout) layout = new_layout (self, item->markup, font, width, FALSE);
  Row *last;
  double descent;
  gboolean rtl;

  add_text_rows (layout, rows, index, 2.0 * scale, width);
  last = &g_array_index (rows, Row, rows->len - 1);
  descent = last->height - last->baseline;
  rtl = last->rule_from == 0 && last->rule_to < width;

  /* Text sits on the line, with room for a hand above it: the line is
   * @height below the top of its row. */
  if (last->baseline + rule_offset (scale) < height)
    {
      double grow = height - rule_offset (scale) - last->baseline;

      last->baseline += grow;
      last->height += grow;
    }

  /* Too little room after a long label: the line goes below it. */
  if (last->rule_to - last->rule_from < width * 0.3)
    {
      Row extra = { 0 };

      last->rule_from = -1;
      extra.baseline = height - rule_offset (scale);
      extra.height = extra.baseline + descent;
      extra.rule_from = 0;
      extra.rule_to = width;
      extra.rule2_from = -1;
      extra.item = index;
      g_array_append_val (rows, extra);
    }

  /* A second label shares the line, mirrored in right-to-left text. */
  if (item->second != NULL)
    {
      PangoLayout *second = new_layout (self, item->second, font, -1, FALSE);
      double second_width = layout_width (second);

      if (last->rule_from < 0)
        g_clear_object (&second);
      else if (!rtl && (last->second_x = MAX (width * 0.55, last->rule_from + 12.0 * scale)) + second_width < width * 0.85)
        {
          last->rule_to = last->second_x - 3.0 * scale;
          last->rule2_from = last->second_x + second_width + 2.0 * scale;
          last->rule2_to = width;
          last->second = second;
        }
      else if (rtl && (last->second_x = MIN (width * 0.45, last->rule_to - 12.0 * scale) - second_width) > width * 0.15)
        {
          last->rule_from = last->second_x + second_width + 3.0 * scale;
          last->rule2_from = 0;
          last->rule2_to = last->second_x - 2.0 * scale;
          last->second = second;
        }
      else
        g_clear_object (&second);

      /* No room for both on one line: the second gets a line of its own. */
      if (second == NULL)
        {
          Item own = { .kind = ITEM_WRITE_IN, .markup = item->second, .write_lines = 1 };

          add_write_in_rows (self, &own, index, font, width, scale, rows);
        }
    }

  for (guint k = 1; k < lines; k++)
    {
      Row extra = { 0 };

      extra.baseline = height - rule_offset (scale);
      extra.height = extra.baseline + descent;
      extra.rule_from = 0;
      extra.rule_to = width;
      extra.rule2_from = -1;
      extra.item = index;
      g_array_append_val (rows, extra);
    }
}

/* Lays the items out at one font size as rows; returns the total height. */
static double
build_rows (NhCardRender *self,
            GPtrArray    *items,
            double        font,
            double        width,
            double        scale,
            GArray       *rows)
{
  double total = 0;
  double bullet_indent;

  {
    g_autoptr(PangoLayout) bullet = new_layout (self, "•\u2002", font, -1, FALSE);

    bullet_indent = layout_width (bullet);
  }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autoptr(PangoLayout) layout = NULL;
      guint first = rows->len;
      Row *first_row;

      switch (item->kind)
        {
        case ITEM_TEXT:
        case ITEM_NOTE:
          layout = new_layout (self, item->markup, font, width, FALSE);
          add_text_rows (layout, rows, i, -1, width);
          break;

        case ITEM_BULLET:
          layout = new_layout (self, item->markup, font, width, FALSE);
          pango_layout_set_indent (layout, (int)(-bullet_indent * PANGO_SCALE));
          add_text_rows (layout, rows, i, -1, width);
          break;

        case ITEM_WRITE_IN:
          add_write_in_rows (self, item, i, font, width, scale, rows);
          break;

        default:
          g_assert_not_reached ();
        }

      /* Lines to write on need no gap between them: the rules part them. */
      first_row = &g_array_index (rows, Row, first);
      if (i > 0 && !(item->kind == ITEM_WRITE_IN &&
                     ((Item *)g_ptr_array_index (items, i - 1))->kind == ITEM_WRITE_IN))
        first_row->space = item_spacing (font);

      for (guint r = first; r < rows->len; r++)
        total += g_array_index (rows, Row, r).space + g_array_index (rows, Row, r).height;
    }

  return total;
}

static char *
remaining_text (Row *row)
{
  const char *text = pango_layout_get_text (row->layout);
  PangoLayoutLine *line = pango_layout_get_line_readonly (row->layout, row->line);

  return g_markup_escape_text (text + line->start_index, -1);
}

/* Fits @items in @height: smaller text first, then a note. What did not
 * fit is returned in @rest, for the next side; with @rest NULL, this is the
 * last side and what did not fit is left out. */
static NhCardFit
plan_side (NhCardRender  *self,
           SidePlan      *side,
           GPtrArray     *items,
           double         base_font,
           double         width,
           double         height,
           double         scale,
           const char    *note,
           GPtrArray    **rest)
{
  double font = base_font;
  g_autoptr(GArray) rows = NULL;
  double limit, y = 0;
  guint placed = 0;
  NhCardFit fit = NH_CARD_FIT_OK;

  for (;;)
    {
      double total;

      g_clear_pointer (&rows, g_array_unref);
      rows = g_array_new (FALSE, TRUE, sizeof (Row));
      g_array_set_clear_func (rows, row_clear);

      total = build_rows (self, items, font, width, scale, rows);
      if (total <= height + 0.01)
        {
          side->font = font;
          side->spacing = item_spacing (font);
          side->rows = g_steal_pointer (&rows);
          if (font < base_font)
            fit |= NH_CARD_FIT_SHRUNK;
          return fit;
        }

      if (font <= NH_CARD_RENDER_MIN_FONT)
        break;
      font = MAX (NH_CARD_RENDER_MIN_FONT, font - FONT_STEP);
    }

  /* Too much even at the smallest size. */
  fit |= NH_CARD_FIT_SHRUNK;
  side->font = font;
  side->spacing = item_spacing (font);
  side->note = new_layout (self, note, font, width, TRUE);
  pango_layout_set_alignment (side->note, PANGO_ALIGN_RIGHT);
  limit = height - nh_render_layout_height (side->note) - side->spacing;

  while (placed < rows->len)
    {
      Row *row = &g_array_index (rows, Row, placed);
      double space = y > 0 ? row->space : 0;

      if (row->first)
        {
          double item_height = 0;

          for (guint r = placed; r < rows->len && g_array_index (rows, Row, r).item == row->item; r++)
            item_height += g_array_index (rows, Row, r).height;

          /* A short item moves whole to the next side rather than being
           * split; on the last side, every line that fits is shown. */
          if (rest != NULL && y > 0 && y + space + item_height > limit && item_height <= limit / 3)
            break;
        }

      if (y + space + row->height > limit)
        break;

      y += space + row->height;
      placed++;
    }

  if (rest != NULL && placed < rows->len)
    {
      Row *row = &g_array_index (rows, Row, placed);
      guint next_item = row->item;

      *rest = g_ptr_array_new_with_free_func (item_free);

      /* An item split between lines goes on with the rest of its text. */
      if (!row->first && row->layout != NULL)
        {
          g_ptr_array_add (*rest, item_new (ITEM_TEXT, remaining_text (row), 0));
          next_item++;
        }
      else if (!row->first)
        next_item++;

      for (guint i = next_item; i < items->len; i++)
        {
          Item *item = g_ptr_array_index (items, i);

          g_ptr_array_add (*rest, item_copy (item));
        }
    }

  g_array_set_size (rows, placed);
  side->rows = g_steal_pointer (&rows);

  return fit;
}

static gboolean
is_a6 (NhCardRender *self)
{
  return g_str_equal (self->paper->id, "a6");
}

static gboolean
items_fit (NhCardRender *self,
           GPtrArray    *items,
           double        width,
           double        height,
           double        scale)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_array_set_clear_func (rows, row_clear);

  return build_rows (self, items, NH_CARD_RENDER_MIN_FONT, width, scale, rows) <= height + 0.01;
}

/* Of two lines equally important, the edition's standing instructions
 * move before the family's own: they are the same on every card, and the
 * child's allergies are not. */
static int
move_rank (Item *item)
{
  /* A blank card's further contacts first: they are only where there is room. */
  if (item->optional)
    return 2 * (NH_CARD_PRIORITY_LOW + 1);

  return 2 * item->priority + (item->kind == ITEM_BULLET ? 1 : 0);
}

/* The line to move first when a side is too full: the least important,
 * and of those the last; an essential one only when nothing else is
 * left. Headings of moved text stay. Returns -1 when nothing can move. */
static int
pick_to_move (GPtrArray *items)
{
  int best = -1;

  if (items->len < 2)
    return -1;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->kind == ITEM_NOTE)
        continue;
      if (best < 0 || move_rank (item) >= move_rank (g_ptr_array_index (items, best)))
        best = i;
    }

  return best;
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Item *first = *(const Item **)a;
  const Item *second = *(const Item **)b;

  return (int)first->order - (int)second->order;
}

static Item *
note_item (NhCardRender *self,
           const char   *text)
{
  return item_new (ITEM_NOTE, g_markup_printf_escaped ("<i>%s</i>", text), 0);
}

static double
note_height (NhCardRender *self,
             const char   *text,
             double        width)
{
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", text);
  g_autoptr(PangoLayout) layout = new_layout (self, markup, NH_CARD_RENDER_MIN_FONT, width, TRUE);

  return nh_render_layout_height (layout) + item_spacing (NH_CARD_RENDER_MIN_FONT);
}

/* Lines on a side in the card's order; those from the other side after
 * its own, under their heading. */
#define FOREIGN 100000

static guint
side_key (Item       *item,
          NhCardSide  side)
{
  if (item->kind == ITEM_NOTE)
    return item->order;
  return item->order / 1000 == side ? item->order : FOREIGN + item->order;
}

static void
add_in_order (GPtrArray  *items,
              NhCardSide  side,
              Item       *item)
{
  guint i = 0;

  while (i < items->len && side_key (g_ptr_array_index (items, i), side) < side_key (item, side))
    i++;
  g_ptr_array_insert (items, i, item);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  Item *first = *(Item **)a;
  Item *second = *(Item **)b;

  if (move_rank (first) != move_rank (second))
    return move_rank (first) - move_rank (second);

  return (int)first->order - (int)second->order;
}

/* Whether @side still fits at the smallest size with @item added, in its
 * place (and a heading if it is from the other side); if so it stays. */
static gboolean
side_takes (NhCardRender *self,
            GPtrArray   **items,
            NhCardSide    side,
            Item         *item,
            SideBox      *box,
            gboolean     *lost,
            double       *reserve)
{
  gboolean foreign = item->order / 1000 != side && item->kind != ITEM_NOTE;
  g_autoptr(GPtrArray) trial = g_ptr_array_copy (items[side], NULL, NULL);
  g_autoptr(Item) heading = NULL;
  gboolean has_foreign = FALSE;

  /* The copy would free the lines it shares. */
  g_ptr_array_set_free_func (trial, NULL);

  for (guint i = 0; i < items[side]->len; i++)
    has_foreign |= side_key (g_ptr_array_index (items[side], i), side) >= FOREIGN;

  add_in_order (trial, side, item);
  /* The heading over lines from the other side is only added at the end. */
  if (foreign || has_foreign)
    {
      heading = item_new (ITEM_NOTE, g_strdup ("<i>Continued from the other side:</i>"), 0);
      heading->order = FOREIGN - 1;
      add_in_order (trial, side, heading);
    }

  if (!items_fit (self, trial, box[side].text_width,
                  box[side].content_height - (lost[side] ? reserve[side] : 0), box[side].scale))
    return FALSE;

  add_in_order (items[side], side, item);

  return TRUE;
}

/* A card, filled or blank: when the text or the lines to write on do not
 * fit even at the smallest size, the least important lines move, whole,
 * first into the room the other side leaves, then onto a second card (on
 * A6, a second page). Nothing is left out and no line is cut in two,
 * unless even the second card is full. A blank card's further contact
 * lines are the exception: they are printed where there is room left. */
static gboolean
plan_filled (NhCardRender *self,
             Plan         *plan,
             double        width,
             double        height)
{
  gboolean essential_moved = FALSE;
  const gboolean a6 = is_a6 (self);
  GPtrArray *items[2];
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GPtrArray) optional = g_ptr_array_new_with_free_func (item_free);
  const char *to_other[2], *from_other[2], *to_second;
  gboolean lost[2] = { FALSE, FALSE }, got[2] = { FALSE, FALSE }, to_card2[2] = { FALSE, FALSE };
  SideBox box[2];
  double base, reserve[2];

  to_other[0] = a6 ? T (N_("Continued below")) : T (N_("Continued on the back"));
  to_other[1] = a6 ? T (N_("Continued above")) : T (N_("Continued on the front"));
  from_other[1] = a6 ? T (N_("Continued from above:")) : T (N_("Continued from the front:"));
  from_other[0] = a6 ? T (N_("Continued from below:")) : T (N_("Continued from the back:"));
  to_second = a6 ? T (N_("Continued on page 2")) : T (N_("Continued on card 2"));

  side_box (self, 0, width, height, &box[0]);
  side_box (self, 1, width, height, &box[1]);
  base = 7.0 * box[0].scale;

  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    {
      items[side] = side_items (self, side);
      for (guint i = 0; i < items[side]->len; i++)
        ((Item *)g_ptr_array_index (items[side], i))->order = side * 1000 + i;
      /* Room for a note at the foot, should a line have to move. */
      reserve[side] = MAX (note_height (self, to_other[side], box[side].text_width),
                           note_height (self, to_second, box[side].text_width));
    }

  /* 1. Each side keeps what it holds at the smallest size; the rest moves. */
  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    while (!items_fit (self, items[side], box[side].text_width,
                       box[side].content_height - (lost[side] ? reserve[side] : 0), box[side].scale))
      {
        int i = pick_to_move (items[side]);

        if (i < 0)
          break;
        lost[side] |= !((Item *)g_ptr_array_index (items[side], i))->optional;
        g_ptr_array_add (moved, g_ptr_array_steal_index (items[side], i));
      }
  /* 2. The most important first: back where it came from if there is room
   * now, else into the room the other side leaves, making room there by
   * moving on what matters less. */
  g_ptr_array_sort (moved, compare_rank);
  while (moved->len > 0)
    {
      Item *item = g_ptr_array_steal_index (moved, 0);
      NhCardSide from = item->order / 1000;
      NhCardSide other = 1 - from;
      gboolean placed = FALSE;

      /* Tried last, once every line of the form has its place. */
      if (item->optional)
        {
          g_ptr_array_add (optional, item);
          continue;
        }

      if (side_takes (self, items, from, item, box, lost, reserve))
        placed = TRUE;
      else if (side_takes (self, items, other, item, box, lost, reserve))
        placed = got[other] = TRUE;
      else
        {
          g_autoptr(GPtrArray) evicted = g_ptr_array_new ();
          gboolean was_lost = lost[other];

          /* Room made by moving on lines that matter less, if that is
           * enough; the side then needs room for its note. */
          lost[other] = TRUE;
          for (;;)
            {
              int i = pick_to_move (items[other]);
              Item *victim = i >= 0 ? g_ptr_array_index (items[other], i) : NULL;

              if (victim == NULL || move_rank (victim) <= move_rank (item))
                break;
              g_ptr_array_add (evicted, g_ptr_array_steal_index (items[other], i));
              if (side_takes (self, items, other, item, box, lost, reserve))
                {
                  placed = got[other] = TRUE;
                  break;
                }
            }

          if (!placed)
            lost[other] = was_lost;
          for (guint i = 0; i < evicted->len; i++)
            {
              if (placed)
                g_ptr_array_add (moved, g_ptr_array_index (evicted, i));
              else
                add_in_order (items[other], other, g_ptr_array_index (evicted, i));
            }
          g_ptr_array_sort (moved, compare_rank);
        }

      if (!placed)
        g_ptr_array_add (rest, item);
    }
  /* A side whose own lines all came back needs no note: its room may take
   * one more of those still left over. */
  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    {
      lost[side] = FALSE;
      for (guint i = 0; i < rest->len; i++)
        lost[side] |= ((Item *)g_ptr_array_index (rest, i))->order / 1000 == side;
      for (guint i = 0; i < items[1 - side]->len; i++)
        lost[side] |= ((Item *)g_ptr_array_index (items[1 - side], i))->order / 1000 == side;
    }
  g_ptr_array_sort (rest, compare_rank);
  for (guint i = 0; i < rest->len; )
    {
      Item *item = g_ptr_array_index (rest, i);
      NhCardSide from = item->order / 1000;
      gboolean was_lost = lost[from];

      /* Placing it back may leave its side with nothing elsewhere. */
      lost[from] = FALSE;
      for (guint k = 0; k < rest->len; k++)
        lost[from] |= k != i && ((Item *)g_ptr_array_index (rest, k))->order / 1000 == from;
      for (guint k = 0; k < items[1 - from]->len; k++)
        lost[from] |= ((Item *)g_ptr_array_index (items[1 - from], k))->order / 1000 == from;

      if (side_takes (self, items, from, item, box, lost, reserve))
        {
          g_ptr_array_steal_index (rest, i);
          continue;
        }
      lost[from] = was_lost;
      if (side_takes (self, items, 1 - from, item, box, lost, reserve))
        {
          g_ptr_array_steal_index (rest, i);
          continue;
        }
      i++;
    }
  /* Further contacts where they were, while there is room; the rest of
   * them are left off (they were never part of the form). */
  g_ptr_array_sort (optional, compare_order);
  for (guint i = 0; i < optional->len; i++)
    {
      Item *item = g_ptr_array_index (optional, i);

      if (!side_takes (self, items, item->order / 1000, item, box, lost, reserve))
        break;
      g_ptr_array_index (optional, i) = NULL;
    }
  g_ptr_array_sort (rest, compare_order);
  for (guint i = 0; i < rest->len; i++)
    {
      Item *item = g_ptr_array_index (rest, i);

      to_card2[item->order / 1000] = TRUE;
      essential_moved |= item->kind == ITEM_TEXT && item->priority == NH_CARD_PRIORITY_ESSENTIAL;
    }

  /* Headings over the lines from the other side. */
  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    for (guint i = 0; i < items[side]->len; i++)
      if (((Item *)g_ptr_array_index (items[side], i))->order / 1000 != side)
        {
          Item *heading = note_item (self, from_other[side]);

          heading->order = FOREIGN - 1;
          g_ptr_array_insert (items[side], i, heading);
          got[side] = TRUE;
          break;
        }

  if (got[0] || got[1])
    plan->fit |= NH_CARD_FIT_CONTINUED;

  /* 3. The card itself, each side at the largest size that holds it. */
  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    {
      g_autofree char *cut = g_markup_printf_escaped ("<i>%s</i>", T (N_("Not all of the text fits on this card.")));
      const char *note = to_card2[side] ? to_second : lost[side] ? to_other[side] : NULL;
      SidePlan *plan_side_ = &plan->sides[side];

      plan->fit |= plan_side (self, plan_side_, items[side], base, box[side].text_width,
                              box[side].content_height - (note ? reserve[side] : 0), box[side].scale, cut, NULL);
      if (plan_side_->note != NULL)
        plan->fit |= NH_CARD_FIT_CUT;
      else if (note != NULL)
        {
          g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", note);

          plan_side_->note = new_layout (self, markup, plan_side_->font, box[side].text_width, TRUE);
          pango_layout_set_alignment (plan_side_->note, PANGO_ALIGN_RIGHT);
        }
      g_ptr_array_unref (items[side]);
    }

  /* 4. The second card: what is left, in the card's order; a third when
   * even that is full (a blank travel card, whose labels are in two
   * languages). */
  if (rest->len > 0)
    {
      GPtrArray *left = g_ptr_array_ref (rest);
      g_autofree char *cut = g_markup_printf_escaped ("<i>%s</i>", T (N_("Not all of the text fits on this card.")));

      plan->fit |= NH_CARD_FIT_SECOND_CARD;
      plan->moved = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < rest->len; i++)
        {
          Item *item = g_ptr_array_index (rest, i);

          if (item->labels != NULL)
            g_ptr_array_add (plan->moved, g_strdup (item->labels));
        }

      g_ptr_array_insert (left, 0, note_item (self, a6 ? T (N_("Continued from page 1:"))
                                                       : T (N_("Continued from card 1:"))));
      for (guint index = 2; left != NULL && index < G_N_ELEMENTS (plan->sides); index++)
        {
          gboolean last = index == G_N_ELEMENTS (plan->sides) - 1;
          guint card = index / 2 + 1;
          GPtrArray *more = NULL;
          g_autofree char *next = NULL;
          g_autofree char *note = NULL;
          SideBox box_;

          if (index % 2 == 0)
            note = g_markup_printf_escaped ("<i>%s</i>", T (N_("Continued on the back")));
          else if (!last)
            {
              /* Translators: at the foot of a card's back: "Continued on card 3" */
              next = g_strdup_printf (a6 ? T (N_("Continued on page %u")) : T (N_("Continued on card %u")), card + 1);
              note = g_markup_printf_escaped ("<i>%s</i>", next);
            }

          plan->n_cards = card;
          plan->second_back = index % 2 == 1;
          side_box (self, index, width, height, &box_);
          plan->fit |= plan_side (self, &plan->sides[index], left, base, box_.text_width,
                                  box_.content_height, box_.scale, note != NULL ? note : cut,
                                  last ? NULL : &more);
          if (last && plan->sides[index].note != NULL)
            plan->fit |= NH_CARD_FIT_CUT;

          if (more != NULL)
            {
              g_autofree char *heading = NULL;

              if (index % 2 == 0)
                heading = g_strdup (a6 ? T (N_("Continued from above:")) : T (N_("Continued from the front:")));
              else
                /* Translators: at the top of a card: "Continued from card 2:" */
                heading = g_strdup_printf (a6 ? T (N_("Continued from page %u:")) : T (N_("Continued from card %u:")),
                                           card);
              g_ptr_array_insert (more, 0, note_item (self, heading));
            }
          g_ptr_array_unref (left);
          left = more;
        }
      g_clear_pointer (&left, g_ptr_array_unref);
    }
  else
    plan->n_cards = 1;

  /* The code on the second card's back, when it has one. */
  if (self->qr != NULL && self->qr_side == 3)
    plan->second_back = TRUE;

  return essential_moved;
}

static Plan *
ensure_plan (NhCardRender *self,
             double        width,
             double        height)
{
  Plan *plan;

  if (self->plan != NULL && self->plan->width == width && self->plan->height == height)
    return self->plan;

  g_clear_pointer (&self->plan, plan_free);
  plan = g_new0 (Plan, 1);
  plan->width = width;
  plan->height = height;
  plan->n_cards = 1;

  self->qr_side = 1;
  if (plan_filled (self, plan, width, height) && self->qr != NULL)
    {
      /* Lines that must never leave the card make room on its back: the
       * code goes on the second card instead. */
      for (guint i = 0; i < G_N_ELEMENTS (plan->sides); i++)
        side_plan_clear (&plan->sides[i]);
      g_clear_pointer (&plan->moved, g_ptr_array_unref);
      plan->fit = 0;
      plan->second_back = FALSE;
      self->qr_side = 3;
      plan_filled (self, plan, width, height);
      plan->n_cards = 2;
      plan->second_back = TRUE;
      plan->fit |= NH_CARD_FIT_SECOND_CARD;
    }

  if (self->qr_text != NULL && self->qr == NULL)
    plan->fit |= NH_CARD_FIT_NO_QR;

  self->plan = plan;

  return plan;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_band (NhCardRender *self,
           cairo_t      *cr,
           SideBox      *box,
           double        width,
           const char   *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  g_autoptr(PangoLayout) layout = NULL;
  double band_width = width - 2 * box->margin;
  double pad = 2.0 * box->scale;

  layout = new_layout (self, markup, BAND_FONT * box->scale, band_width - 2 * 2.5 * box->scale, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  rounded_rectangle (cr, box->margin, box->margin, band_width, box->band_height, 2.0 * box->scale);
  cairo_set_source_rgb (cr, BAND_RGB);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, box->margin + 2.5 * box->scale,
                 box->margin + MAX (pad, (box->band_height - nh_render_layout_height (layout)) / 2));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_footer (NhCardRender *self,
             cairo_t      *cr,
             SideBox      *box,
             double        width)
{
  g_autofree char *footer = nh_card_dup_footer (self->card, self->edition, self->blank);
  g_autofree char *markup = g_markup_escape_text (footer, -1);
  g_autoptr(PangoLayout) layout = NULL;

  layout = new_layout (self, markup, MAX (NH_CARD_RENDER_MIN_FONT, 6.0 * box->scale),
                       width - 2 * box->content_x, FALSE);
  /* One line: the footer is short, and the card must not grow. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, FOOTER_RGB);
  cairo_move_to (cr, box->content_x, box->footer_y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_rule (cairo_t *cr,
           double   from,
           double   to,
           double   y,
           double   scale)
{
  if (to - from < 4.0 * scale)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5 * scale);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, from, y);
  cairo_line_to (cr, to, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_rows (cairo_t  *cr,
           SidePlan *side,
           SideBox  *box)
{
  double y = box->content_y;
  double scale = box->scale;
  double x = box->text_x;

  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < side->rows->len; i++)
    {
      Row *row = &g_array_index (side->rows, Row, i);
      double baseline;

      if (i > 0)
        y += row->space;
      baseline = y + row->baseline;

      if (row->layout != NULL)
        {
          cairo_move_to (cr, x + row->x, baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (row->layout, row->line));
        }

      if (row->second != NULL)
        {
          cairo_move_to (cr, x + row->second_x, baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (row->second, 0));
        }

      if (row->rule_from >= 0)
        draw_rule (cr, x + row->rule_from, x + row->rule_to, baseline + rule_offset (scale), scale);
      if (row->rule2_from >= 0)
        draw_rule (cr, x + row->rule2_from, x + row->rule2_to, baseline + rule_offset (scale), scale);

      y += row->height;
    }

  if (side->note != NULL)
    {
      cairo_set_source_rgb (cr, NOTE_RGB);
      cairo_move_to (cr, x, box->content_y + box->content_height - nh_render_layout_height (side->note));
      pango_cairo_show_layout (cr, side->note);
    }
}

static void
draw_side (NhCardRender *self,
           cairo_t      *cr,
           guint         index,
           double        width,
           double        height)
{
  Plan *plan = ensure_plan (self, width, height);
  g_autofree char *title = NULL;
  SideBox box;

  side_box (self, index, width, height, &box);

  cairo_save (cr);

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  title = band_title (self, index);
  draw_band (self, cr, &box, width, title);
  if (plan->sides[index].rows != NULL)
    draw_rows (cr, &plan->sides[index], &box);

  if (box.qr_size > 0)
    nh_qr_draw (self->qr, cr,
                box.qr_x,
                box.content_y + box.content_height - box.qr_size,
                box.qr_size);

  draw_footer (self, cr, &box, width);

  cairo_restore (cr);
}

/* The height of the source credit at the foot of an A6 page. */
static PangoLayout *
a6_credit (NhCardRender *self,
           double        width,
           double        margin)
{
  g_autofree char *markup = g_markup_escape_text (nh_edition_get_source_credit (self->edition), -1);

  return new_layout (self, markup, NH_CARD_RENDER_MIN_FONT, width - 2 * margin, FALSE);
}

#define A6_MARGIN 12.0

static double
a6_side_height (NhCardRender *self,
                double        width,
                double        height,
                PangoLayout **credit_out)
{
  g_autoptr(PangoLayout) credit = a6_credit (self, width, A6_MARGIN);
  double credit_height = nh_render_layout_height (credit) + A6_MARGIN;

  if (credit_out != NULL)
    *credit_out = g_steal_pointer (&credit);

  return (height - credit_height) / 2;
}

/* Fits a layout made for @natural_width x @natural_height into the page,
 * turned a quarter if the page is the other way round (a wallet card fed
 * into a printer upright). */
static void
fit_page (cairo_t *cr,
          double   width,
          double   height,
          double   natural_width,
          double   natural_height)
{
  double scale;

  if ((width < height) != (natural_width < natural_height) &&
      fabs (width - height) > 1 && fabs (natural_width - natural_height) > 1)
    {
      double swap = width;

      cairo_translate (cr, width, 0);
      cairo_rotate (cr, G_PI / 2);
      width = height;
      height = swap;
    }

  scale = MIN (1.0, MIN (width / natural_width, height / natural_height));
  cairo_translate (cr, (width - natural_width * scale) / 2, (height - natural_height * scale) / 2);
  cairo_scale (cr, scale, scale);
}

static void
draw_wallet_page (NhCardRender *self,
                  cairo_t      *cr,
                  double        width,
                  double        height,
                  guint         page)
{
  cairo_save (cr);
  fit_page (cr, width, height, CARD_WIDTH, CARD_HEIGHT);

  /* The card's front and back, then the second card's. */
  draw_side (self, cr, MIN (page, 5), CARD_WIDTH, CARD_HEIGHT);

  /* Where to cut for the rounded corners of a bank card. */
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, GUIDE_RGB);
  rounded_rectangle (cr, 0.25, 0.25, CARD_WIDTH - 0.5, CARD_HEIGHT - 0.5, CARD_RADIUS);
  cairo_stroke (cr);

  cairo_restore (cr);
}

static void
draw_a6_page (NhCardRender *self,
              cairo_t      *cr,
              double        width,
              double        height,
              guint         page)
{
  const NhPaper *a6 = nh_paper_lookup ("a6");
  g_autoptr(PangoLayout) credit = NULL;
  double side_height = a6_side_height (self, a6->width, a6->height, &credit);

  cairo_save (cr);
  fit_page (cr, width, height, a6->width, a6->height);

  page = MIN (page, 2);
  draw_side (self, cr, 2 * page, a6->width, side_height);
  cairo_save (cr);
  cairo_translate (cr, 0, side_height);
  draw_side (self, cr, 2 * page + 1, a6->width, side_height);
  cairo_restore (cr);

  /* Between the two sides: a line to cut or fold on. */
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, GUIDE_RGB);
  {
    double dash[] = { 3, 2 };

    cairo_set_dash (cr, dash, 2, 0);
  }
  cairo_move_to (cr, A6_MARGIN / 2, side_height);
  cairo_line_to (cr, a6->width - A6_MARGIN / 2, side_height);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, FOOTER_RGB);
  cairo_move_to (cr, A6_MARGIN, 2 * side_height);
  pango_cairo_show_layout (cr, credit);

  cairo_restore (cr);
}

static void
crop_mark (cairo_t *cr,
           double   x,
           double   y,
           double   dx,
           double   dy)
{
  const double gap = 4, length = 12;

  cairo_move_to (cr, x + dx * gap, y + dy * gap);
  cairo_line_to (cr, x + dx * (gap + length), y + dy * (gap + length));
}

static void
draw_sheet_page (NhCardRender *self,
                 cairo_t      *cr,
                 double        width,
                 double        height)
{
  const double margin = 36, gap = 40;
  double strip_width = 2 * CARD_WIDTH;
  /* Full size where the sheet is wide enough for the strip, so that the QR
   * code keeps its module size. */
  double scale = MIN (1.0, (width - 2 * margin) / strip_width);
  guint n_cards;
  double copy_height;
  g_autoptr(PangoLayout) how = NULL;
  g_autoptr(PangoLayout) credit = NULL;
  g_autofree char *how_markup = NULL;
  g_autofree char *credit_markup = NULL;
  double top, bottom, x;
  guint copies;

  how_markup = g_markup_escape_text (T (N_("Cut along the corner marks, then fold on the dashed line "
                                          "so that the printing is on the outside.")), -1);
  how = new_layout (self, how_markup, 9, width - 2 * margin, FALSE);
  credit_markup = g_markup_escape_text (nh_edition_get_source_credit (self->edition), -1);
  credit = new_layout (self, credit_markup, 7, width - 2 * margin, FALSE);

  cairo_save (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, margin, margin);
  pango_cairo_show_layout (cr, how);

  cairo_set_source_rgb (cr, FOOTER_RGB);
  cairo_move_to (cr, margin, height - margin - nh_render_layout_height (credit));
  pango_cairo_show_layout (cr, credit);

  top = margin + nh_render_layout_height (how) + gap / 2;
  bottom = height - margin - nh_render_layout_height (credit) - gap / 2;
  /* Spare copies: one for each bag, as many as the sheet holds, at most
   * four; a card printed as two takes two strips. */
  {
    double side_width, side_height;

    nh_card_render_get_side_size (self, &side_width, &side_height);
    n_cards = ensure_plan (self, side_width, side_height)->n_cards;
  }
  copy_height = n_cards * (CARD_HEIGHT + gap);
  copies = (guint)floor ((bottom - top) / (copy_height * scale));
  copies = CLAMP (copies, 1, 4);

  cairo_translate (cr, (width - strip_width * scale) / 2, top + gap / 2 * scale);
  cairo_scale (cr, scale, scale);

  for (guint i = 0; i < copies * n_cards; i++)
    {
      double y = i * (CARD_HEIGHT + gap);
      guint card = i % n_cards;
      double dash[] = { 3, 2 };

      cairo_save (cr);
      cairo_translate (cr, 0, y);
      draw_side (self, cr, 2 * card, CARD_WIDTH, CARD_HEIGHT);
      cairo_translate (cr, CARD_WIDTH, 0);
      draw_side (self, cr, 2 * card + 1, CARD_WIDTH, CARD_HEIGHT);
      cairo_restore (cr);

      /* A faint outline to cut along, crop marks at the corners. */
      cairo_set_line_width (cr, 0.3);
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_rectangle (cr, 0, y, strip_width, CARD_HEIGHT);
      cairo_stroke (cr);

      cairo_set_line_width (cr, 0.5);
      cairo_set_source_rgb (cr, 0, 0, 0);
      x = strip_width;
      crop_mark (cr, 0, y, -1, 0);
      crop_mark (cr, 0, y, 0, -1);
      crop_mark (cr, x, y, 1, 0);
      crop_mark (cr, x, y, 0, -1);
      crop_mark (cr, 0, y + CARD_HEIGHT, -1, 0);
      crop_mark (cr, 0, y + CARD_HEIGHT, 0, 1);
      crop_mark (cr, x, y + CARD_HEIGHT, 1, 0);
      crop_mark (cr, x, y + CARD_HEIGHT, 0, 1);
      cairo_stroke (cr);

      /* The fold, marked outside the card so nothing prints across it. */
      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      crop_mark (cr, CARD_WIDTH, y, 0, -1);
      crop_mark (cr, CARD_WIDTH, y + CARD_HEIGHT, 0, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  cairo_restore (cr);
}

/* The QR code: the card's essentials (nh_card_dup_qr_text()), as many of
 * them as make a code whose modules are at least QR_MIN_MODULE in the room
 * on the back; the least important go first. None when even the most
 * important do not fit: the editor says so. */
static void
choose_qr (NhCardRender *self)
{
  double width, height;
  SideBox box;

  nh_card_render_get_side_size (self, &width, &height);
  side_box (self, 1, width, height, &box);

  for (int up_to = NH_CARD_PRIORITY_LOW; up_to >= NH_CARD_PRIORITY_ESSENTIAL; up_to--)
    {
      g_autofree char *text = nh_card_dup_qr_text (self->card, self->edition, up_to);
      g_autoptr(NhQr) qr = nh_qr_new (text, NULL);

      g_free (self->qr_text);
      self->qr_text = g_steal_pointer (&text);

      if (qr != NULL &&
          (nh_qr_get_modules (qr) + 2 * NH_QR_QUIET_ZONE) * QR_MIN_MODULE <=
            qr_room (box.content_width, box.content_height))
        {
          self->qr = g_steal_pointer (&qr);
          return;
        }
    }
}

/**
 * nh_card_render_new:
 * @blank: print labels with lines to write on instead of the family's text
 *
 * A snapshot of the card for drawing: later changes to @card do not show.
 * A QR code is drawn when the card asks for one and is not blank.
 */
NhCardRender *
nh_card_render_new (NhCard        *card,
                    NhEdition     *edition,
                    const NhPaper *paper,
                    gboolean       blank)
{
  NhCardRender *self;

  g_return_val_if_fail (NH_IS_CARD (card), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (paper != NULL, NULL);

  self = g_new0 (NhCardRender, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->card = nh_card_copy (card);
  self->edition = g_object_ref (edition);
  self->paper = paper;
  self->blank = blank;
  self->context = create_context ();
  self->qr_side = 1;

  if (!blank && nh_card_get_show_qr (card))
    choose_qr (self);

  return self;
}

NhCardRender *
nh_card_render_ref (NhCardRender *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
nh_card_render_unref (NhCardRender *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->plan, plan_free);
  g_clear_pointer (&self->qr, nh_qr_free);
  g_clear_pointer (&self->qr_text, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->card);
  g_clear_object (&self->edition);
  g_clear_object (&self->second);
  g_free (self);
}

const NhPaper *
nh_card_render_get_paper (NhCardRender *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->paper;
}

/* Returns: (nullable): the text in the QR code, or NULL when there is none */
const char *
nh_card_render_get_qr_text (NhCardRender *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->qr != NULL ? self->qr_text : NULL;
}

/* The size of one side on this paper, in points: a wallet card, or half an
 * A6 page less its credit line. */
void
nh_card_render_get_side_size (NhCardRender *self,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (self != NULL);

  if (is_a6 (self))
    {
      const NhPaper *a6 = nh_paper_lookup ("a6");

      *width = a6->width;
      *height = a6_side_height (self, a6->width, a6->height, NULL);
    }
  else
    {
      *width = CARD_WIDTH;
      *height = CARD_HEIGHT;
    }
}

/* How the text fits on this paper: for the editor to warn before printing. */
NhCardFit
nh_card_render_get_fit (NhCardRender *self)
{
  double width, height;

  g_return_val_if_fail (self != NULL, NH_CARD_FIT_OK);

  nh_card_render_get_side_size (self, &width, &height);

  return ensure_plan (self, width, height)->fit;
}

/* The body text size on one side of this paper, in points. */
double
nh_card_render_get_font_size (NhCardRender *self,
                              NhCardSide    side)
{
  double width, height;

  g_return_val_if_fail (self != NULL, 0);

  nh_card_render_get_side_size (self, &width, &height);

  return ensure_plan (self, width, height)->sides[side].font;
}

/**
 * nh_card_render_dup_moved:
 *
 * The labels of the lines that do not fit on the card on this paper and go
 * on on a second card (on A6, a second page), for the editor to say so.
 *
 * Returns: (transfer full): a NULL-terminated array, empty when all fits
 */
GStrv
nh_card_render_dup_moved (NhCardRender *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  double width, height;
  Plan *plan;

  g_return_val_if_fail (self != NULL, NULL);

  nh_card_render_get_side_size (self, &width, &height);
  plan = ensure_plan (self, width, height);
  for (guint i = 0; plan->moved != NULL && i < plan->moved->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (plan->moved, i));

  return g_strv_builder_end (builder);
}

/* The side of one QR module on paper, in millimetres; 0 without a code. */
double
nh_card_render_get_qr_module (NhCardRender *self)
{
  double width, height;
  SideBox box;

  g_return_val_if_fail (self != NULL, 0);

  if (self->qr == NULL)
    return 0;

  nh_card_render_get_side_size (self, &width, &height);
  ensure_plan (self, width, height);
  side_box (self, self->qr_side, width, height, &box);

  return box.qr_size / (nh_qr_get_modules (self->qr) + 2 * NH_QR_QUIET_ZONE) / NH_MM_TO_PT (1);
}

/* Draws the front in a box of @width x @height points at the origin. */
void
nh_card_render_draw_front (NhCardRender *self,
                           cairo_t      *cr,
                           double        width,
                           double        height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  draw_side (self, cr, 0, width, height);
}

/* Draws the back in a box of @width x @height points at the origin. */
void
nh_card_render_draw_back (NhCardRender *self,
                          cairo_t      *cr,
                          double        width,
                          double        height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  draw_side (self, cr, 1, width, height);
}

/* An NhCountPagesFunc: the wallet card is two pages, front and back, and
 * one or two more when a second card holds what the first cannot; A6 is
 * one page, or two; a sheet is one. */
guint
nh_card_render_count_pages (double   width,
                            double   height,
                            gpointer user_data)
{
  NhCardRender *self = user_data;

  g_return_val_if_fail (self != NULL, 0);

  if (g_str_equal (self->paper->id, "id1"))
    {
      Plan *plan;
      double side_width, side_height;

      nh_card_render_get_side_size (self, &side_width, &side_height);
      plan = ensure_plan (self, side_width, side_height);

      /* A second card: its front, and its back when it has one. */
      return plan->n_cards < 2 ? 2 : 2 * (plan->n_cards - 1) + (plan->second_back ? 2 : 1);
    }

  if (is_a6 (self))
    {
      double side_width, side_height;

      nh_card_render_get_side_size (self, &side_width, &side_height);

      return ensure_plan (self, side_width, side_height)->n_cards;
    }

  return 1;
}

/* An NhDrawPageFunc for the paper the render was made for; on a page of
 * another size the layout is scaled down to fit. */
void
nh_card_render_draw_page (cairo_t  *cr,
                          double    width,
                          double    height,
                          guint     page,
                          gpointer  user_data)
{
  NhCardRender *self = user_data;

  g_return_if_fail (self != NULL);

  if (g_str_equal (self->paper->id, "id1"))
    draw_wallet_page (self, cr, width, height, page);
  else if (is_a6 (self))
    draw_a6_page (self, cr, width, height, page);
  else
    draw_sheet_page (self, cr, width, height);
}

gboolean
nh_card_render_export (NhCardRender  *self,
                       const char    *path,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return nh_pdf_write (path, self->paper->width, self->paper->height,
                       nh_card_render_count_pages (self->paper->width, self->paper->height, self),
                       nh_card_render_draw_page, self, error);
}

/**
 * nh_card_render_set_second_edition:
 * @second: (nullable): the edition in a second language, or NULL
 *
 * A bilingual card, for travel: every label, the standing instructions and
 * the app's diagnosis text also in @second's language.
 */
void
nh_card_render_set_second_edition (NhCardRender *self,
                                   NhEdition    *second)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (second == NULL || NH_IS_EDITION (second));

  g_set_object (&self->second, second);
  g_clear_pointer (&self->plan, plan_free);
}
