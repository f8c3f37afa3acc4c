#include "../../../zint/backend/gbk.h"
