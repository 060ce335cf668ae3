/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition-library.h: the editions installed next to the built-in one */
#pragma once

#include <gio/gio.h>

#include "nh-catalog.h"
#include "nh-edition.h"

G_BEGIN_DECLS

#define NH_EDITION_LIBRARY_ERROR (nh_edition_library_error_quark ())

typedef enum
{
  NH_EDITION_LIBRARY_ERROR_READ,       /* the file cannot be read */
  NH_EDITION_LIBRARY_ERROR_INVALID,    /* the edition has errors; see the problems */
  NH_EDITION_LIBRARY_ERROR_BAD_ID,     /* its id cannot name a file, or is the built-in one's */
  NH_EDITION_LIBRARY_ERROR_NOT_FOUND,  /* no edition with this id is installed */
  NH_EDITION_LIBRARY_ERROR_BUILTIN,    /* the built-in edition cannot be removed */
  NH_EDITION_LIBRARY_ERROR_IO,         /* saving or removing failed */
} NhEditionLibraryError;

/* The id of the built-in edition, as the "edition" setting stores it. */
#define NH_EDITION_LIBRARY_BUILTIN ""

/* The folder, under the user data folder of the app, that holds them. */
#define NH_EDITION_LIBRARY_FOLDER "editions"

typedef struct
{
  char     *id;           /* NH_EDITION_LIBRARY_BUILTIN for the built-in one */
  gboolean  builtin;
  char     *path;         /* of the installed file; NULL for the built-in one */
  char     *title;        /* the file name when it cannot be opened */
  char     *publisher;    /* nullable */
  char     *language;     /* nullable when it cannot be opened */
  char     *version;      /* nullable when it cannot be opened */
  char     *reviewed_by;  /* nullable */
  char     *reviewed_on;  /* nullable */
  char     *stamp;        /* "Edition by …": nh_edition_dup_stamp() */
  char     *problem;      /* why it cannot be opened any more, or NULL */
} NhEditionInfo;

void nh_edition_info_free (NhEditionInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhEditionInfo, nh_edition_info_free)

#define NH_TYPE_EDITION_LIBRARY (nh_edition_library_get_type ())

G_DECLARE_FINAL_TYPE (NhEditionLibrary, nh_edition_library, NH, EDITION_LIBRARY, GObject)

GQuark            nh_edition_library_error_quark (void);
NhEditionLibrary *nh_edition_library_new         (const char         *directory);
NhEditionLibrary *nh_edition_library_new_default (void);
const char       *nh_edition_library_get_directory (NhEditionLibrary *self);
gboolean          nh_edition_library_is_builtin_id (NhEditionLibrary *self,
                                                    const char       *id);
gboolean          nh_edition_library_check_id    (NhEditionLibrary   *self,
                                                  const char         *id,
                                                  GError            **error);
GPtrArray        *nh_edition_library_list        (NhEditionLibrary   *self,
                                                  NhCatalog          *catalog);
NhEditionInfo    *nh_edition_library_find        (NhEditionLibrary   *self,
                                                  const char         *id);
NhEdition        *nh_edition_library_load        (NhEditionLibrary   *self,
                                                  const char         *id,
                                                  NhCatalog          *catalog,
                                                  GError            **error);
NhEdition        *nh_edition_library_install     (NhEditionLibrary   *self,
                                                  GBytes             *bytes,
                                                  GPtrArray         **problems,
                                                  GError            **error);
gboolean          nh_edition_library_remove      (NhEditionLibrary   *self,
                                                  const char         *id,
                                                  GError            **error);

GBytes           *nh_edition_library_read_file   (GFile              *file,
                                                  GError            **error);
void              nh_edition_library_read_file_async  (GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GBytes           *nh_edition_library_read_file_finish (GAsyncResult        *result,
                                                       GError             **error);
char             *nh_edition_problem_describe    (const NhEditionProblem *problem);

G_END_DECLS
