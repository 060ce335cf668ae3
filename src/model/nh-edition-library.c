/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition-library.c: the editions installed next to the built-in one
 *
 * A support group's edition is installed as the group's own file, byte for
 * byte, as <edition id>.json in a private folder (0700, files 0600) that
 * NhStore writes. The built-in edition is always there and cannot go.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nh-edition-library.h"
#include "nh-store.h"

#define SUFFIX ".json"
#define MAX_ID_LENGTH 100

struct _NhEditionLibrary
{
  GObject  parent_instance;
  NhStore *store;
  char    *builtin_id;   /* read from the built-in edition on first need */
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (NhEditionLibrary, nh_edition_library, G_TYPE_OBJECT)
G_DEFINE_QUARK (nh-edition-library-error-quark, nh_edition_library_error)

static guint signals[N_SIGNALS];

/* An id names a file: no '/', no "..", nothing hidden, nothing odd. */
static gboolean
is_file_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > MAX_ID_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-' && id[i] != '_' && id[i] != '.')
      return FALSE;

  return TRUE;
}

static char *
file_name (const char *id)
{
  return g_strconcat (id, SUFFIX, NULL);
}

static const char *
get_builtin_id (NhEditionLibrary *self)
{
  if (self->builtin_id == NULL)
    {
      g_autoptr(NhEdition) builtin = nh_edition_new_builtin (NULL);

      /* Only a broken build has no built-in edition. */
      self->builtin_id = g_strdup (builtin ? nh_edition_get_id (builtin) : "");
    }

  return self->builtin_id;
}

static NhEditionInfo *
info_new (const char *id,
          const char *path,
          NhEdition  *edition)
{
  NhEditionInfo *info = g_new0 (NhEditionInfo, 1);

  info->id = g_strdup (id);
  info->builtin = path == NULL;
  info->path = g_strdup (path);

  if (edition != NULL)
    {
      info->title = g_strdup (nh_edition_get_title (edition));
      info->publisher = g_strdup (nh_edition_get_publisher (edition));
      info->language = g_strdup (nh_edition_get_language (edition));
      info->version = g_strdup (nh_edition_get_version (edition));
      info->reviewed_by = g_strdup (nh_edition_get_reviewed_by (edition));
      info->reviewed_on = g_strdup (nh_edition_get_reviewed_on (edition));
      info->stamp = nh_edition_dup_stamp (edition);
    }

  return info;
}

/* Loads an installed edition whose id is known to name a file. */
static NhEdition *
load_installed (NhEditionLibrary  *self,
                const char        *id,
                GError           **error)
{
  g_autofree char *name = file_name (id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  NhEdition *edition;

  if (!(bytes = nh_store_load (self->store, name, NH_EDITION_MAX_BYTES, &local_error)))
    {
      if (g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
        g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_NOT_FOUND,
                     _("The edition “%s” is not installed."), id);
      else
        g_set_error_literal (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ,
                             local_error->message);
      return NULL;
    }

  /* Already in its own language: no catalogue. */
  if (!(edition = nh_edition_new_from_bytes (bytes, &local_error)))
    {
      g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_INVALID,
                   _("The edition “%s” has errors: %s"), id, local_error->message);
      return NULL;
    }

  return edition;
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const NhEditionInfo *info_a = *(NhEditionInfo * const *)a;
  const NhEditionInfo *info_b = *(NhEditionInfo * const *)b;
  int result = g_utf8_collate (info_a->title, info_b->title);

  return result != 0 ? result : strcmp (info_a->id, info_b->id);
}

/* GIO's messages repeat the path; say what happened in fewer words. */
static void
set_read_error (GError     **error,
                const char  *name,
                GError      *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ,
                 _("There is no file “%s”. It may have been moved or deleted."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ,
                 _("You are not allowed to read “%s”."), name);
  else
    g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ,
                 _("“%s” cannot be read: %s"), name, cause->message);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = nh_edition_library_read_file (G_FILE (task_data), &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

static void
nh_edition_library_finalize (GObject *object)
{
  NhEditionLibrary *self = (NhEditionLibrary *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->builtin_id, g_free);

  G_OBJECT_CLASS (nh_edition_library_parent_class)->finalize (object);
}

static void
nh_edition_library_class_init (NhEditionLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_edition_library_finalize;

  /* An edition was installed, replaced or removed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nh_edition_library_init (NhEditionLibrary *self)
{
}

void
nh_edition_info_free (NhEditionInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->path);
  g_free (info->title);
  g_free (info->publisher);
  g_free (info->language);
  g_free (info->version);
  g_free (info->reviewed_by);
  g_free (info->reviewed_on);
  g_free (info->stamp);
  g_free (info->problem);
  g_free (info);
}

NhEditionLibrary *
nh_edition_library_new (const char *directory)
{
  NhEditionLibrary *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (NH_TYPE_EDITION_LIBRARY, NULL);
  self->store = nh_store_new (directory);

  return self;
}

/* ~/.local/share/<app id>/editions */
NhEditionLibrary *
nh_edition_library_new_default (void)
{
  g_autoptr(NhStore) store = nh_store_new_default ();
  g_autofree char *directory = g_build_filename (nh_store_get_directory (store),
                                                 NH_EDITION_LIBRARY_FOLDER, NULL);

  return nh_edition_library_new (directory);
}

const char *
nh_edition_library_get_directory (NhEditionLibrary *self)
{
  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), NULL);

  return nh_store_get_directory (self->store);
}

/* "" and the built-in edition's own id both mean the built-in edition. */
gboolean
nh_edition_library_is_builtin_id (NhEditionLibrary *self,
                                  const char       *id)
{
  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_str_equal (id, NH_EDITION_LIBRARY_BUILTIN) || g_str_equal (id, get_builtin_id (self));
}

/**
 * nh_edition_library_check_id:
 *
 * Whether an edition with this id can be installed: the id names its file,
 * and is not the built-in edition's.
 */
gboolean
nh_edition_library_check_id (NhEditionLibrary  *self,
                             const char        *id,
                             GError           **error)
{
  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (nh_edition_library_is_builtin_id (self, id))
    {
      g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_BAD_ID,
                   _("This edition has the id of the built-in handbook, “%s”. "
                     "The group that made it must give it an id of its own."), id);
      return FALSE;
    }

  if (!is_file_id (id))
    {
      g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_BAD_ID,
                   _("The id of this edition, “%s”, cannot be used. An id is at most "
                     "%d letters, digits, “-”, “_” and “.”, starting with a letter or a digit."),
                   id, MAX_ID_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * nh_edition_library_list:
 * @catalog: (nullable): the language to show the built-in edition in
 *
 * The built-in edition first, then the installed ones by title. An
 * installed file that cannot be opened any more is listed too, with its
 * problem, so that it can be removed.
 *
 * Returns: (transfer full) (element-type NhEditionInfo)
 */
GPtrArray *
nh_edition_library_list (NhEditionLibrary *self,
                         NhCatalog        *catalog)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(NhEdition) builtin = NULL;
  g_autoptr(GDir) dir = NULL;
  NhEditionInfo *info;
  const char *entry;

  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), NULL);

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify)nh_edition_info_free);

  builtin = nh_edition_new_builtin_translated (catalog, NULL);
  info = info_new (NH_EDITION_LIBRARY_BUILTIN, NULL, builtin);
  if (info->title == NULL)
    info->title = g_strdup (_("Built-in handbook"));
  g_ptr_array_add (infos, info);

  if ((dir = g_dir_open (nh_store_get_directory (self->store), 0, NULL)))
    {
      g_autoptr(GPtrArray) installed = g_ptr_array_new ();

      while ((entry = g_dir_read_name (dir)))
        {
          g_autofree char *id = NULL;
          g_autofree char *path = NULL;
          g_autoptr(NhEdition) edition = NULL;
          g_autoptr(GError) error = NULL;

          if (!g_str_has_suffix (entry, SUFFIX))
            continue;

          id = g_strndup (entry, strlen (entry) - strlen (SUFFIX));
          if (!is_file_id (id))
            continue;

          path = nh_store_dup_path (self->store, entry);
          edition = load_installed (self, id, &error);
          info = info_new (id, path, edition);
          if (edition == NULL)
            {
              info->title = g_strdup (entry);
              info->problem = g_strdup (error->message);
            }
          g_ptr_array_add (installed, info);
        }

      g_ptr_array_sort (installed, compare_infos);
      for (guint i = 0; i < installed->len; i++)
        g_ptr_array_add (infos, g_ptr_array_index (installed, i));
    }

  return g_steal_pointer (&infos);
}

/* Returns: (transfer full) (nullable): the installed edition @id, or NULL */
NhEditionInfo *
nh_edition_library_find (NhEditionLibrary *self,
                         const char       *id)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  NhEditionInfo *info;

  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!is_file_id (id))
    return NULL;

  name = file_name (id);
  path = nh_store_dup_path (self->store, name);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  edition = load_installed (self, id, &error);
  info = info_new (id, path, edition);
  if (edition == NULL)
    {
      info->title = g_strdup (name);
      info->problem = g_strdup (error->message);
    }

  return info;
}

/**
 * nh_edition_library_load:
 * @id: an installed edition's id, or "" for the built-in one
 * @catalog: (nullable): the language of the built-in edition; installed
 *   editions are in their own language
 *
 * Returns: (transfer full) (nullable)
 */
NhEdition *
nh_edition_library_load (NhEditionLibrary  *self,
                         const char        *id,
                         NhCatalog         *catalog,
                         GError           **error)
{
  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (g_str_equal (id, NH_EDITION_LIBRARY_BUILTIN))
    return nh_edition_new_builtin_translated (catalog, error);

  /* The installed file first: the built-in edition's own id is looked up
   * (which reads it) only when there is none. */
  if (is_file_id (id))
    {
      g_autoptr(GError) local_error = NULL;
      NhEdition *edition = load_installed (self, id, &local_error);

      if (edition != NULL)
        return edition;

      if (!g_error_matches (local_error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (g_str_equal (id, get_builtin_id (self)))
    return nh_edition_new_builtin_translated (catalog, error);

  g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_NOT_FOUND,
               _("The edition “%s” is not installed."), id);
  return NULL;
}

/**
 * nh_edition_library_install:
 * @bytes: the edition file, as a support group sent it
 * @problems: (out) (optional) (transfer full): every problem the check
 *   found, errors and warnings, to show
 *
 * Checks the edition and saves it as <id>.json, replacing an installed
 * edition with the same id. Refuses an edition with any error (the error
 * message lists every one) and one whose id cannot be used.
 *
 * Returns: (transfer full) (nullable): the edition now installed
 */
NhEdition *
nh_edition_library_install (NhEditionLibrary  *self,
                            GBytes            *bytes,
                            GPtrArray        **problems,
                            GError           **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  const char *id;
  const char *data;
  gsize length;

  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  found = nh_edition_check_bytes (bytes, &edition);

  if (problems != NULL)
    *problems = g_ptr_array_ref (found);

  if (edition == NULL)
    {
      g_autoptr(GString) message = g_string_new (_("This edition has errors and cannot be used:"));

      for (guint i = 0; i < found->len; i++)
        {
          const NhEditionProblem *problem = g_ptr_array_index (found, i);
          g_autofree char *line = NULL;

          if (problem->severity != NH_PROBLEM_ERROR)
            continue;

          line = nh_edition_problem_describe (problem);
          g_string_append_printf (message, "\n%s", line);
        }

      g_set_error_literal (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_INVALID,
                           message->str);
      return NULL;
    }

  id = nh_edition_get_id (edition);

  if (!nh_edition_library_check_id (self, id, error))
    return NULL;

  name = file_name (id);
  data = g_bytes_get_data (bytes, &length);

  if (!nh_store_save (self->store, name, data, length, &local_error))
    {
      g_set_error_literal (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_IO,
                           local_error->message);
      return NULL;
    }

  g_signal_emit (self, signals[CHANGED], 0);

  return g_steal_pointer (&edition);
}

gboolean
nh_edition_library_remove (NhEditionLibrary  *self,
                           const char        *id,
                           GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NH_IS_EDITION_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (nh_edition_library_is_builtin_id (self, id))
    {
      g_set_error_literal (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_BUILTIN,
                           _("The built-in handbook cannot be removed."));
      return FALSE;
    }

  if (is_file_id (id))
    {
      name = file_name (id);
      path = nh_store_dup_path (self->store, name);
    }

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_NOT_FOUND,
                   _("The edition “%s” is not installed."), id);
      return FALSE;
    }

  if (!nh_store_remove (self->store, name, &local_error))
    {
      g_set_error_literal (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_IO,
                           local_error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * nh_edition_library_read_file:
 *
 * Reads an edition file someone opened, refusing what is not a file or is
 * too large to be an edition before reading it.
 *
 * Returns: (transfer full) (nullable)
 */
GBytes *
nh_edition_library_read_file (GFile   *file,
                              GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      set_read_error (error, name, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ,
                   _("“%s” is not a file."), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > NH_EDITION_MAX_BYTES)
    {
      g_set_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ,
                   _("“%s” is too large to be an edition (more than %d MiB)."),
                   name, NH_EDITION_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &local_error)))
    {
      set_read_error (error, name, local_error);
      return NULL;
    }

  return bytes;
}

/* In a thread: a file on a slow or remote disk does not freeze a window. */
void
nh_edition_library_read_file_async (GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nh_edition_library_read_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_thread);
}

/* Returns: (transfer full) (nullable) */
GBytes *
nh_edition_library_read_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nh_edition_problem_describe:
 *
 * One problem in words for a person, as "Line 12: sections[2].title: empty".
 *
 * Returns: (transfer full)
 */
char *
nh_edition_problem_describe (const NhEditionProblem *problem)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    /* Translators: where a problem is in an edition file, before what it is */
    g_string_append_printf (text, _("Line %d: "), problem->line);
  if (*problem->path)
    g_string_append_printf (text, "%s: ", problem->path);
  g_string_append (text, problem->message);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
