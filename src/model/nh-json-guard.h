/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-guard.h: the one guarded way to parse untrusted JSON
 *
 * Every loader of a file that a user, a support group or an earlier run
 * wrote (an edition, the card, the checklist state, and any new store)
 * parses it with nh_json_guard_parse(), never with json-glib directly:
 *
 *   g_autoptr(JsonNode) root = nh_json_guard_parse (data, length, MY_MAX_BYTES,
 *                                                   MY_MAX_DEPTH, NULL, error);
 *   if (root == NULL)
 *     return NULL;   // error says why, translated, in plain words
 *
 * It refuses what is too large, empty, not UTF-8, nested too deeply or not
 * plain JSON (json-glib would overflow its stack, leak or make text that is
 * not UTF-8), in time linear in the length. Pass an NhJsonGuardPlace to
 * learn the line and column of the problem for someone editing by hand.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize offset;  /* the byte, or G_MAXSIZE when not known */
  int   line;    /* from 1; 0 when the problem has no place */
  int   column;  /* from 1, in characters */
} NhJsonGuardPlace;

JsonNode *nh_json_guard_parse (const char        *data,
                               gsize              length,
                               gsize              max_bytes,
                               guint              max_depth,
                               NhJsonGuardPlace  *place,
                               GError           **error);

gboolean nh_json_guard_check (const char  *data,
                              gsize        length,
                              guint        max_depth,
                              gsize       *error_offset,
                              GError     **error);

G_END_DECLS
