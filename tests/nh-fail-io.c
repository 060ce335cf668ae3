/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-fail-io.c: an LD_PRELOAD shim that makes writing fail, for tests
 *
 * With NH_FAIL_IO set to ENOSPC, EROFS or EACCES, every open() for writing,
 * write(), fsync(), fdatasync() and rename() of a file under the folder
 * NH_FAIL_IO_UNDER fails with that error, as on a full disk, a read-only
 * folder or one the user may not write in. The variables are read at each
 * call, so a test can turn failing on and off as it goes; anything else
 * (the test's own output, other folders) is left alone.
 */

#define _GNU_SOURCE
/* open() and open64() both stand in front of the C library's, so the
 * header must not turn one into the other. */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int
failing_errno (void)
{
  const char *name = getenv ("NH_FAIL_IO");

  if (name == NULL || *name == '\0')
    return 0;
  if (strcmp (name, "ENOSPC") == 0)
    return ENOSPC;
  if (strcmp (name, "EROFS") == 0)
    return EROFS;
  if (strcmp (name, "EACCES") == 0)
    return EACCES;
  return EIO;
}

static int
path_is_under (const char *path)
{
  const char *under = getenv ("NH_FAIL_IO_UNDER");
  size_t n;

  if (under == NULL || *under == '\0' || path == NULL)
    return 0;
  n = strlen (under);
  return strncmp (path, under, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static int
fd_is_under (int fd)
{
  char link[64];
  char path[PATH_MAX];
  ssize_t n;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  if ((n = readlink (link, path, sizeof path - 1)) < 0)
    return 0;
  path[n] = '\0';
  return path_is_under (path);
}

/* Relative paths are taken from the current folder. */
static int
name_is_under (const char *name)
{
  char path[PATH_MAX];

  if (name == NULL)
    return 0;
  if (name[0] == '/')
    return path_is_under (name);
  if (getcwd (path, sizeof path - strlen (name) - 2) == NULL)
    return 0;
  strcat (path, "/");
  strcat (path, name);
  return path_is_under (path);
}

#define FAIL_IF(condition)                \
  do {                                    \
    int e_ = failing_errno ();            \
    if (e_ != 0 && (condition))           \
      {                                   \
        errno = e_;                       \
        return -1;                        \
      }                                   \
  } while (0)

#define REAL(type, name, args) \
  static type (*real) args = NULL; \
  if (real == NULL) \
    real = (type (*) args) dlsym (RTLD_NEXT, name)

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  REAL (ssize_t, "write", (int, const void *, size_t));
  FAIL_IF (fd > 2 && fd_is_under (fd));
  return real (fd, buf, count);
}

int
fsync (int fd)
{
  REAL (int, "fsync", (int));
  FAIL_IF (fd_is_under (fd));
  return real (fd);
}

int
fdatasync (int fd)
{
  REAL (int, "fdatasync", (int));
  FAIL_IF (fd_is_under (fd));
  return real (fd);
}

int
rename (const char *from,
        const char *to)
{
  REAL (int, "rename", (const char *, const char *));
  FAIL_IF (name_is_under (to));
  return real (from, to);
}

#define OPEN(symbol)                                                      \
int                                                                       \
symbol (const char *path,                                                 \
        int         flags,                                                \
        ...)                                                              \
{                                                                         \
  mode_t mode = 0;                                                        \
  REAL (int, #symbol, (const char *, int, ...));                          \
  if (flags & O_CREAT)                                                    \
    {                                                                     \
      va_list args;                                                       \
      va_start (args, flags);                                             \
      mode = va_arg (args, mode_t);                                       \
      va_end (args);                                                      \
    }                                                                     \
  /* A full disk still lets a file be made; the writing fails. */         \
  FAIL_IF ((flags & (O_WRONLY | O_RDWR)) && failing_errno () != ENOSPC && \
           name_is_under (path));                                         \
  return real (path, flags, mode);                                        \
}

OPEN (open)
OPEN (open64)
