/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-store.c: the only writer of user files: private, atomic, size-limited
 *
 * Everything the user types is saved here, in one directory (0700) with
 * files (0600) written through a temporary file and a rename, with fsync:
 * after a crash a file holds either the old or the new content.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "nh-store.h"

struct _NhStore
{
  GObject  parent_instance;
  char    *directory;
};

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhStore, nh_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (nh-store-error-quark, nh_store_error)

static GParamSpec *properties[N_PROPS];

/* Why writing failed, in words a parent follows (GLib's say "write()
 * failed" and name the temporary file). NULL when there are none better. */
static const char *
plain_reason (GFileError code)
{
  switch (code)
    {
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");
    case G_FILE_ERROR_ROFS:
      return _("the folder can only be read, not written to");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("the app is not allowed to write in that folder");
    default:
      return NULL;
    }
}

static gboolean
ensure_directory (NhStore  *self,
                  GError  **error)
{
  /* This also makes the folder again when it was removed while the app
   * runs. */
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;
      const char *reason = plain_reason (g_file_error_from_errno (saved_errno));

      g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"),
                   self->directory, reason ? reason : g_strerror (saved_errno));
      return FALSE;
    }

  /* A folder made by an older version or by hand may be too open. */
  g_chmod (self->directory, 0700);

  return TRUE;
}

static void
nh_store_finalize (GObject *object)
{
  NhStore *self = (NhStore *)object;

  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (nh_store_parent_class)->finalize (object);
}

static void
nh_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NhStore *self = NH_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  NhStore *self = NH_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_store_class_init (NhStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_store_finalize;
  object_class->get_property = nh_store_get_property;
  object_class->set_property = nh_store_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_store_init (NhStore *self)
{
}

NhStore *
nh_store_new (const char *directory)
{
  g_return_val_if_fail (directory != NULL, NULL);

  return g_object_new (NH_TYPE_STORE, "directory", directory, NULL);
}

/* The user data directory under the app id, e.g.
 * ~/.local/share/io.github.nemohandbook.NemoHandbook */
NhStore *
nh_store_new_default (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return nh_store_new (directory);
}

const char *
nh_store_get_directory (NhStore *self)
{
  g_return_val_if_fail (NH_IS_STORE (self), NULL);

  return self->directory;
}

char *
nh_store_dup_path (NhStore    *self,
                   const char *name)
{
  g_return_val_if_fail (NH_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL && strchr (name, '/') == NULL, NULL);

  return g_build_filename (self->directory, name, NULL);
}

/* A save killed before its rename leaves NAME.XXXXXX (GLib's temporary
 * file, private data in it) behind; only this app writes here, so any such
 * file is left over from a crash and goes. */
static void
remove_stale_temporaries (NhStore    *self,
                          const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  gsize prefix = strlen (name) + 1;
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)))
    {
      if (strlen (entry) == prefix + 6 && g_str_has_prefix (entry, name) && entry[prefix - 1] == '.')
        {
          g_autofree char *stale = g_build_filename (self->directory, entry, NULL);

          g_unlink (stale);
        }
    }
}

/* Reads a file whole, refusing one larger than @max_size before reading it. */
GBytes *
nh_store_load (NhStore     *self,
               const char  *name,
               gsize        max_size,
               GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (NH_IS_STORE (self), NULL);

  path = nh_store_dup_path (self, name);
  remove_stale_temporaries (self, name);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND,
                     _("“%s” does not exist yet"), path);
      else
        g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                     _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if ((guint64)st.st_size > max_size)
    {
      g_autofree char *size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64)st.st_size);
      g_autofree char *max_text = g_strdup_printf ("%" G_GSIZE_FORMAT, max_size);

      g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_TOO_LARGE,
                   /* Translators: the sizes are in bytes */
                   _("“%s” is too large (%s bytes; at most %s)"),
                   path, size_text, max_text);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return NULL;
    }

  if (length > max_size)
    {
      g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_TOO_LARGE,
                   _("“%s” is too large"), path);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
nh_store_save (NhStore     *self,
               const char  *name,
               const char  *data,
               gsize        length,
               GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NH_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!ensure_directory (self, error))
    return FALSE;

  path = nh_store_dup_path (self, name);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      const char *reason = local_error->domain == G_FILE_ERROR ? plain_reason (local_error->code) : NULL;

      /* GLib wrote to a temporary file beside it and removed that: the
       * last good file is untouched and nothing partial is left. */
      /* The path set apart (U+2068 … U+2069): in an Arabic sentence its
       * slashes would otherwise move about. */
      g_autofree char *isolated = g_strconcat ("\u2068", path, "\u2069", NULL);

      g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                   _("Could not save “%s”: %s"), isolated, reason ? reason : local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * nh_store_quarantine:
 *
 * Moves a file that cannot be read aside as NAME.corrupt-<UTC time>, so
 * nothing is lost and the app can start empty.
 *
 * Returns: (transfer full): the path it was moved to
 */
char *
nh_store_quarantine (NhStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (NH_IS_STORE (self), NULL);

  path = nh_store_dup_path (self, name);
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  for (guint i = 0; i < 100; i++)
    {
      g_free (backup);
      backup = i == 0 ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
                      : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);
      if (!g_file_test (backup, G_FILE_TEST_EXISTS))
        break;
    }

  if (g_rename (path, backup) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                   _("Could not move “%s” aside: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  g_chmod (backup, 0600);

  return g_steal_pointer (&backup);
}

gboolean
nh_store_remove (NhStore     *self,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (NH_IS_STORE (self), FALSE);

  path = nh_store_dup_path (self, name);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                   _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
