/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checklist-render.c: the printed checklist, blank and filled, on every paper */

#include <glib/gstdio.h>

#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "render/nh-checklist-render.h"

static NhEdition *edition;

static char *
export (const NhChecklistDoc *doc,
        const char           *paper_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("checklist-%s-%s.pdf", paper_id,
                                           doc->episode ? "filled" : "blank");
  char *path = nh_test_tmp_path (name);

  g_assert_true (nh_checklist_render_export (doc, nh_paper_lookup (paper_id), path, &error));
  g_assert_no_error (error);

  return path;
}

static void
assert_all_steps (const char *text)
{
  for (guint t = 0; t < nh_edition_get_n_checklist_tiers (edition); t++)
    {
      NhChecklistTier *tier = nh_edition_get_checklist_tier (edition, t);

      g_assert_nonnull (strstr (text, nh_checklist_tier_get_title (tier)));
    }
  g_assert_nonnull (strstr (text, nh_edition_get_checklist_title (edition)));
  g_assert_nonnull (strstr (text, "last reviewed"));
  g_assert_nonnull (strstr (text, "Based on information from"));
}

static void
test_blank_every_paper (void)
{
  static const struct {
    const char *id;
    double      width, height;
    guint       max_pages;
  } papers[] = {
    { "a4", 595.3, 841.9, 2 },
    { "letter", 612, 792, 2 },
    { "a5", 419.5, 595.3, 2 },
    { "a6", 297.6, 419.5, 2 },
  };
  NhChecklistDoc doc = { edition, NULL, "Ring the ward first <always> & day", "+44 20 7946 0000", NULL };

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *path = export (&doc, papers[i].id);
      g_autofree char *text = nh_test_pdf_text (path);
      double width, height;

      g_test_message ("paper %s", papers[i].id);
      nh_test_pdf_page_size (path, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, papers[i].width, 0.5);
      g_assert_cmpfloat_with_epsilon (height, papers[i].height, 0.5);
      g_assert_cmpuint (nh_test_pdf_n_pages (path), <=, papers[i].max_pages);
      assert_all_steps (text);
      /* The clinic's text is printed as written, labelled as theirs. */
      g_assert_nonnull (strstr (text, "From your clinic"));
      g_assert_nonnull (strstr (text, "Ring the ward first <always> & day"));
      g_assert_nonnull (strstr (text, "+44 20 7946 0000"));
      g_unlink (path);
    }
}

static void
test_filled (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 25, 14, 5, 0);
  g_autoptr(GDateTime) tick = g_date_time_new_local (2026, 11, 25, 14, 7, 0);
  g_autoptr(NhEpisode) episode = nh_episode_new (start);
  static const char * const contacts[] = { "Immunology team\t+1 555 0100", NULL };
  NhChecklistDoc doc = { edition, episode, "", "", contacts };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  nh_episode_set_tick (episode, "call-team", tick);
  g_assert_true (nh_episode_add_reading (episode, tick, "38.6 °C", NULL));
  g_assert_true (nh_episode_set_notes (episode, "Shivering since lunch", NULL));

  path = export (&doc, "a4");
  text = nh_test_pdf_text (path);
  assert_all_steps (text);
  g_assert_nonnull (strstr (text, "14:07"));
  g_assert_nonnull (strstr (text, "38.6 °C"));
  g_assert_nonnull (strstr (text, "Shivering since lunch"));
  g_assert_nonnull (strstr (text, "+1 555 0100"));
  g_assert_null (strstr (text, "From your clinic"));
  g_unlink (path);
}

/* A doctor handed the sheet knows whose it is: the card's identity block on
 * page one; an empty card leaves lines to write on instead. */
static void
test_identity_block (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 2, 12, 2, 5, 0);
  g_autoptr(NhEpisode) episode = nh_episode_new (start);
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(NhCard) empty = nh_card_new (NULL);
  NhChecklistDoc doc = { edition, episode, "", "", NULL };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page_one = NULL;
  g_autofree char *empty_text = NULL;
  char *form_feed;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  nh_card_set_text (card, "child_name", "Alex Example");
  nh_card_set_text (card, "birth_date", "2019-02-28");
  nh_card_set_text (card, "weight", "18 kg");
  nh_card_set_text (card, "weight_date", "2026-01-10");
  nh_card_set_text (card, "allergies", "penicillin: rash");
  nh_card_set_text (card, "ig_product", "Ig product X");
  nh_card_set_text (card, "antibiotics", "daily antibiotic Y");
  nh_card_set_text (card, "centre_phone", "+44 20 7946 0000");
  doc.card = card;

  path = export (&doc, "a4");
  text = nh_test_pdf_text (path);
  form_feed = strchr (text, '\f');
  page_one = form_feed ? g_strndup (text, form_feed - text) : g_strdup (text);
  g_assert_nonnull (strstr (page_one, "Patient"));
  g_assert_nonnull (strstr (page_one, "Alex Example"));
  g_assert_nonnull (strstr (page_one, "28 Feb 2019"));
  g_assert_nonnull (strstr (page_one, "18 kg (measured 10 Jan 2026)"));
  g_assert_nonnull (strstr (page_one, "penicillin: rash"));
  g_assert_nonnull (strstr (page_one, "Ig product X"));
  g_assert_nonnull (strstr (page_one, "daily antibiotic Y"));
  g_assert_nonnull (strstr (page_one, "+44 20 7946 0000"));
  g_unlink (path);
  g_free (path);

  /* No card filled in: the labels, to write on. */
  doc.card = empty;
  path = export (&doc, "a6");
  empty_text = nh_test_pdf_text (path);
  g_assert_nonnull (strstr (empty_text, "Patient"));
  g_assert_nonnull (strstr (empty_text, "Date of birth"));
  g_assert_nonnull (strstr (empty_text, "Allergies"));
  g_assert_null (strstr (empty_text, "Alex"));
  g_unlink (path);
}

static void
test_long_content_flows (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 25, 14, 5, 0);
  g_autoptr(NhEpisode) episode = nh_episode_new (start);
  NhChecklistDoc doc = { edition, episode, "", "", NULL };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *value = g_strdup_printf ("reading number %u", i);
      g_assert_true (nh_episode_add_reading (episode, start, value, NULL));
    }

  path = export (&doc, "a6");
  text = nh_test_pdf_text (path);
  /* Nothing clipped: the last reading is there, on a later page. */
  g_assert_cmpuint (nh_test_pdf_n_pages (path), >, 2);
  g_assert_nonnull (strstr (text, "reading number 79"));
  g_unlink (path);
}

static void
test_unwritable_path_leaves_nothing (void)
{
  NhChecklistDoc doc = { edition, NULL, "", "", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (nh_checklist_render_export (&doc, nh_paper_lookup ("a4"),
                                              "/nonexistent-dir/out.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  edition = nh_edition_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nh/checklist-render/blank-every-paper", test_blank_every_paper);
  g_test_add_func ("/nh/checklist-render/filled", test_filled);
  g_test_add_func ("/nh/checklist-render/identity-block", test_identity_block);
  g_test_add_func ("/nh/checklist-render/long-content-flows", test_long_content_flows);
  g_test_add_func ("/nh/checklist-render/unwritable-path", test_unwritable_path_leaves_nothing);

  return g_test_run ();
}
