/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-positions.h: where each value of a JSON document starts, by path */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NhJsonPositions NhJsonPositions;

NhJsonPositions *nh_json_positions_new    (const char      *data,
                                           gsize            length);
NhJsonPositions *nh_json_positions_new_for_paths
                                          (const char         *data,
                                           gsize               length,
                                           const char * const *paths,
                                           guint               n_paths);
gboolean         nh_json_positions_lookup (NhJsonPositions *self,
                                           const char      *path,
                                           int             *line,
                                           int             *column);
void             nh_json_positions_free   (NhJsonPositions *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhJsonPositions, nh_json_positions_free)

G_END_DECLS
