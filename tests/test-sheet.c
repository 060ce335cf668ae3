/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet.c: cards and checklists many to a sheet: how many, where
 * each goes against its crop marks, and backs behind their fronts */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "model/nh-catalog.h"
#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "render/nh-render-measures.h"
#include "render/nh-sheet.h"

#define DPI      300.0
#define PX(pt)   ((pt) * DPI / 72.0)
#define MM(px)   ((px) * 25.4 / DPI)

/* A stand-in item of two pages: a black square in its top left and
 * bottom right corners, so the image shows exactly where it went. */
static guint
square_count_pages (gpointer data, double width, double height, const NhPageNumbering *numbering)
{
  return data ? GPOINTER_TO_UINT (data) : 2;
}

static void
square_draw_page (gpointer data, cairo_t *cr, double width, double height, guint page,
                  const NhPageNumbering *numbering)
{
  const double size = NH_MM_TO_PT (2);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_rectangle (cr, width - size, height - size, size, size);
  cairo_fill (cr);
}

static const NhPrintoutFuncs square_funcs = { square_count_pages, square_draw_page };

static NhPrintout *
square_printout (const char *kind)
{
  static const char * const papers[] = { "id1", NULL };
  NhPrintout *printout = nh_printout_new ("Squares", papers, &square_funcs, NULL, NULL);

  nh_printout_set_kind (printout, kind);

  return printout;
}

typedef struct
{
  cairo_surface_t *surface;
  const guint8    *data;
  int              stride, width, height;
} Image;

static void
image_draw (Image      *image,
            NhPrintout *sheet,
            const NhPaper *paper,
            guint       page)
{
  cairo_t *cr;

  image->width = (int)ceil (PX (paper->width));
  image->height = (int)ceil (PX (paper->height));
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, image->width, image->height);
  cr = cairo_create (image->surface);
  cairo_scale (cr, DPI / 72.0, DPI / 72.0);
  nh_printout_draw_page (sheet, cr, paper->width, paper->height, page, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);
  image->data = cairo_image_surface_get_data (image->surface);
  image->stride = cairo_image_surface_get_stride (image->surface);
}

static gboolean
is_dark (Image *image, int x, int y)
{
  const guint8 *pixel = image->data + y * image->stride + x * 4;

  return x >= 0 && y >= 0 && x < image->width && y < image->height && pixel[1] < 128;
}

/* The centres (in points) of dark runs along a row or a column. */
static GArray *
runs (Image    *image,
      gboolean  along_row,
      double    at_pt,
      int       starts)   /* 1: run starts, 0: run ends, -1: centres */
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (double));
  int fixed = (int)PX (at_pt);
  int n = along_row ? image->width : image->height;
  int start = -1;

  for (int i = 0; i <= n; i++)
    {
      gboolean dark = i < n && (along_row ? is_dark (image, i, fixed) : is_dark (image, fixed, i));

      if (dark && start < 0)
        start = i;
      else if (!dark && start >= 0)
        {
          /* Where a square starts or ends, or a thin mark's centre. */
          double px = starts < 0 ? (start + i) / 2.0 : starts ? start : i;
          double pt = px * 72.0 / DPI;

          g_array_append_val (found, pt);
          start = -1;
        }
    }

  return found;
}

static gboolean
has_near (GArray *values,
          double  pt,
          double  tolerance_mm)
{
  for (guint i = 0; i < values->len; i++)
    if (fabs (g_array_index (values, double, i) - pt) <= NH_MM_TO_PT (tolerance_mm))
      return TRUE;

  return FALSE;
}

static void
test_counts (void)
{
  g_autoptr(NhPrintout) card = square_printout ("emergency-card");
  g_autoptr(NhPrintout) checklist = square_printout ("checklist");
  g_autoptr(NhPrintout) booklet = square_printout ("handbook");
  g_autoptr(GError) error = NULL;
  NhSheet *sheet;

  sheet = nh_sheet_new (card, nh_paper_lookup ("a4"), 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nh_sheet_get_per_sheet (sheet), ==, 10);
  g_assert_cmpuint (nh_sheet_get_n_sheets (sheet), ==, 1);
  g_assert_cmpuint (nh_sheet_get_n_pages (sheet), ==, 2);
  nh_sheet_free (sheet);

  /* 30 cards on A4: 3 sheets, fronts and backs. */
  sheet = nh_sheet_new (card, nh_paper_lookup ("a4"), 30, FALSE, &error);
  g_assert_cmpuint (nh_sheet_get_n_sheets (sheet), ==, 3);
  g_assert_cmpuint (nh_sheet_get_n_pages (sheet), ==, 6);
  g_assert_cmpuint (nh_sheet_get_n_items_on_page (sheet, 5), ==, 10);
  nh_sheet_free (sheet);

  sheet = nh_sheet_new (card, nh_paper_lookup ("a4"), 13, FALSE, &error);
  g_assert_cmpuint (nh_sheet_get_n_sheets (sheet), ==, 2);
  g_assert_cmpuint (nh_sheet_get_n_items_on_page (sheet, 2), ==, 3);
  g_assert_cmpuint (nh_sheet_get_n_items_on_page (sheet, 3), ==, 3);
  nh_sheet_free (sheet);

  /* Letter: a fifth row of cards would leave no margin for the marks. */
  sheet = nh_sheet_new (card, nh_paper_lookup ("letter"), 0, FALSE, &error);
  g_assert_cmpuint (nh_sheet_get_per_sheet (sheet), ==, 8);
  nh_sheet_free (sheet);

  for (guint i = 0; i < 2; i++)
    {
      sheet = nh_sheet_new (checklist, nh_paper_lookup (i ? "letter" : "a4"), 8, FALSE, &error);
      g_assert_cmpuint (nh_sheet_get_per_sheet (sheet), ==, 4);
      g_assert_cmpuint (nh_sheet_get_n_sheets (sheet), ==, 2);
      nh_sheet_free (sheet);
    }

  /* A4 quarters are A6. */
  {
    NhSheetRect rect;

    sheet = nh_sheet_new (checklist, nh_paper_lookup ("a4"), 0, FALSE, &error);
    nh_sheet_get_item_rect (sheet, 3, 0, &rect);
    g_assert_cmpfloat_with_epsilon (rect.width, nh_paper_lookup ("a6")->width, NH_MM_TO_PT (0.2));
    g_assert_cmpfloat_with_epsilon (rect.height, nh_paper_lookup ("a6")->height, NH_MM_TO_PT (0.6));
    nh_sheet_free (sheet);
  }

  g_assert_null (nh_sheet_new (booklet, nh_paper_lookup ("a4"), 0, FALSE, &error));
  g_assert_error (error, NH_SHEET_ERROR, NH_SHEET_ERROR_KIND);
  g_clear_error (&error);
  g_assert_null (nh_sheet_new (card, nh_paper_lookup ("a6"), 0, FALSE, &error));
  g_assert_error (error, NH_SHEET_ERROR, NH_SHEET_ERROR_PAPER);
}

/* Every item's edges are on the lines its crop marks show, to 0.2 mm,
 * and no mark is inside an item. */
static void
check_marks (const char *kind,
             const char *paper_id)
{
  const NhPaper *paper = nh_paper_lookup (paper_id);
  g_autoptr(NhPrintout) item = square_printout (kind);
  NhSheet *sheet = nh_sheet_new (item, paper, 0, FALSE, NULL);
  g_autoptr(NhPrintout) printout = NULL;
  NhSheetRect first, last;
  double cuts[8];
  guint n_cuts;
  Image image = { 0 };
  g_autoptr(GArray) top_marks = NULL;
  g_autoptr(GArray) side_marks = NULL;
  g_autoptr(GArray) lefts = NULL;
  g_autoptr(GArray) rights = NULL;
  guint per_sheet = nh_sheet_get_per_sheet (sheet);
  gboolean fills = FALSE;

  g_test_message ("%s on %s", kind, paper_id);
  nh_sheet_get_item_rect (sheet, 0, 0, &first);
  nh_sheet_get_item_rect (sheet, per_sheet - 1, 0, &last);
  n_cuts = nh_sheet_get_cuts (sheet, TRUE, cuts);
  fills = first.x < NH_MM_TO_PT (0.5);
  printout = nh_printout_new_sheet (sheet);
  image_draw (&image, printout, paper, 0);

  /* The marks: thin lines in the margin above the items, or at the
   * sheet's edge when the items fill it. */
  top_marks = runs (&image, TRUE, fills ? NH_CROP_MARK_GAP + NH_MM_TO_PT (1) : first.y - NH_CROP_MARK_GAP - NH_MM_TO_PT (1), -1);
  side_marks = runs (&image, FALSE, fills ? NH_CROP_MARK_GAP + NH_MM_TO_PT (1) : first.x - NH_CROP_MARK_GAP - NH_MM_TO_PT (1), -1);
  g_assert_cmpuint (top_marks->len, ==, n_cuts);

  /* The items, found by their squares, along the first row. */
  lefts = runs (&image, TRUE, first.y + NH_MM_TO_PT (1), TRUE);
  rights = runs (&image, TRUE, first.y + first.height - NH_MM_TO_PT (1), FALSE);

  for (guint column = 0; column < per_sheet / (guint)round ((last.y - first.y) / first.height + 1); column++)
    {
      NhSheetRect rect;
      double left = -1, right = -1;

      nh_sheet_get_item_rect (sheet, column, 0, &rect);
      g_assert_true (has_near (lefts, rect.x, 0.2));
      g_assert_true (has_near (rights, rect.x + rect.width, 0.2));

      /* Measured from the image: the edges of the item are on its marks. */
      for (guint i = 0; i < lefts->len; i++)
        if (fabs (g_array_index (lefts, double, i) - rect.x) < NH_MM_TO_PT (1))
          left = g_array_index (lefts, double, i);
      for (guint i = 0; i < rights->len; i++)
        if (fabs (g_array_index (rights, double, i) - rect.x - rect.width) < NH_MM_TO_PT (1))
          right = g_array_index (rights, double, i);

      if (left > NH_MM_TO_PT (0.5))
        g_assert_true (has_near (top_marks, left, 0.2));
      if (right < paper->width - NH_MM_TO_PT (0.5))
        g_assert_true (has_near (top_marks, right, 0.2));
    }

  /* Rows against the marks at the side. */
  for (guint slot = 0; slot < per_sheet; slot++)
    {
      NhSheetRect rect;

      nh_sheet_get_item_rect (sheet, slot, 0, &rect);
      if (rect.y > NH_MM_TO_PT (0.5))
        g_assert_true (has_near (side_marks, rect.y, 0.2));
      if (rect.y + rect.height < paper->height - NH_MM_TO_PT (0.5))
        g_assert_true (has_near (side_marks, rect.y + rect.height, 0.2));
    }

  /* The marks stay out of the items. */
  if (!fills)
    for (guint i = 0; i < top_marks->len; i++)
      {
        int x = (int)PX (g_array_index (top_marks, double, i));

        for (double y = first.y - NH_CROP_MARK_GAP + NH_MM_TO_PT (0.3); y < first.y - NH_MM_TO_PT (0.2); y += 0.2)
          g_assert_false (is_dark (&image, x, (int)PX (y)));
      }

  cairo_surface_destroy (image.surface);
}

static void
test_crop_marks (void)
{
  check_marks ("emergency-card", "a4");
  check_marks ("emergency-card", "letter");
  check_marks ("checklist", "a4");
  check_marks ("checklist", "letter");
}

/* Three cards: two in the first row, one in the second. Printed duplex,
 * flipped on the long edge, the back of the third lands behind it. */
static void
check_duplex (gboolean single_sided)
{
  const NhPaper *paper = nh_paper_lookup ("a4");
  g_autoptr(NhPrintout) item = square_printout ("emergency-card");
  NhSheet *sheet = nh_sheet_new (item, paper, 3, single_sided, NULL);
  g_autoptr(NhPrintout) printout = NULL;
  NhSheetRect front, back;
  Image image = { 0 };
  g_autoptr(GArray) lefts = NULL;

  g_assert_cmpuint (nh_sheet_get_n_pages (sheet), ==, 2);

  for (guint slot = 0; slot < 3; slot++)
    {
      nh_sheet_get_item_rect (sheet, slot, 0, &front);
      nh_sheet_get_item_rect (sheet, slot, 1, &back);
      g_assert_cmpfloat_with_epsilon (back.y, front.y, 0.01);
      g_assert_cmpfloat_with_epsilon (back.width, front.width, 0.01);
      if (single_sided)
        g_assert_cmpfloat_with_epsilon (back.x, front.x, 0.01);
      else
        /* Turned over the long (vertical) edge: left and right swap. */
        g_assert_cmpfloat_with_epsilon (back.x + back.width, paper->width - front.x, 0.01);
    }

  /* In the image: the third card's back is on the other side. */
  nh_sheet_get_item_rect (sheet, 2, 0, &front);
  printout = nh_printout_new_sheet (sheet);
  image_draw (&image, printout, paper, 1);
  lefts = runs (&image, TRUE, front.y + NH_MM_TO_PT (1), TRUE);
  g_assert_cmpuint (lefts->len, ==, 1);
  if (single_sided)
    g_assert_true (has_near (lefts, front.x, 0.2));
  else
    g_assert_true (has_near (lefts, paper->width - front.x - front.width, 0.2));
  cairo_surface_destroy (image.surface);
}

static void
test_duplex (void)
{
  static const char * const papers[] = { "id1", NULL };
  g_autoptr(NhPrintout) three = nh_printout_new ("Three pages", papers, &square_funcs, GUINT_TO_POINTER (3), NULL);
  NhSheet *sheet;

  check_duplex (FALSE);
  check_duplex (TRUE);

  /* A checklist of three pages: duplex gets a blank fourth, so that the
   * next four start on a front; single-sided needs none. */
  nh_printout_set_kind (three, "checklist");
  sheet = nh_sheet_new (three, nh_paper_lookup ("a4"), 8, FALSE, NULL);
  g_assert_cmpuint (nh_sheet_get_n_pages (sheet), ==, 8);
  g_assert_cmpuint (nh_sheet_get_n_items_on_page (sheet, 3), ==, 0);
  g_assert_cmpuint (nh_sheet_get_n_items_on_page (sheet, 4), ==, 4);
  nh_sheet_free (sheet);
  sheet = nh_sheet_new (three, nh_paper_lookup ("a4"), 8, TRUE, NULL);
  g_assert_cmpuint (nh_sheet_get_n_pages (sheet), ==, 6);
  nh_sheet_free (sheet);
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *p = strstr (text, word); p; p = strstr (p + 1, word))
    n++;

  return n;
}

/* The real thing: 30 blank cards on A4, each two numbered cards (lines
 * 6 mm apart do not fit on one), are 3 sets of 2 sheets of 10 fronts and
 * 10 backs. */
static void
test_real_sheets (void)
{
  g_autoptr(NhCatalog) catalog = nh_catalog_new ("en");
  g_autoptr(NhEdition) edition = nh_edition_new_builtin_translated (catalog, NULL);
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(NhPrintout) cards = nh_printout_new_card (card, edition, NULL, TRUE);
  g_autoptr(NhPrintout) sheet = nh_printout_new_sheet (nh_sheet_new (cards, nh_paper_lookup ("a4"), 30, FALSE, NULL));
  g_autofree char *path = nh_test_tmp_path ("cards-sheet.pdf");
  g_autoptr(GError) error = NULL;
  const char *first_page[] = { "pdftotext", "-f", "1", "-l", "1", path, "-", NULL };
  const char *second_page[] = { "pdftotext", "-f", "2", "-l", "2", path, "-", NULL };
  g_autofree char *front = NULL;
  g_autofree char *back = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  g_assert_true (nh_printout_write_pdf (sheet, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nh_test_pdf_n_pages (path), ==, 12);

  g_assert_true (g_spawn_sync (NULL, (char **)first_page, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &front, NULL, NULL, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **)second_page, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &back, NULL, NULL, NULL));
  g_assert_cmpuint (count (front, nh_edition_get_card_title (edition)), ==, 10);
  g_assert_cmpuint (count (back, "For hospital staff"), ==, 10);
  g_assert_cmpuint (count (front, "For hospital staff"), ==, 0);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nh/sheet/counts", test_counts);
  g_test_add_func ("/nh/sheet/crop-marks", test_crop_marks);
  g_test_add_func ("/nh/sheet/duplex", test_duplex);
  g_test_add_func ("/nh/sheet/real-sheets", test_real_sheets);

  return g_test_run ();
}
