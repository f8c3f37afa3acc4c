#include "../../../zint/backend/filemem.h"
