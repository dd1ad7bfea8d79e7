// C API: the general table result (zvdj_table) of the later additions.
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/zvdj.h"

extern "C" {

ZVDJ_CAPI_TABLE_API(zvdj_table, zvdj_table, h->table.ToCsv())

}  // extern "C"
